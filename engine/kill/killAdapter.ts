/**
 * What the kill matrix needs from a protocol, and nothing else: its mutants as targets, each able
 * to hunt itself with random storms on a fixed budget, the reference as a target that must
 * survive, and optionally the exhaustive explorer's shortest counterexample. A protocol is
 * plugged into `intcheck mutants` by one {@link KillAdapter} in killAdapters.ts; the matrix
 * (../killMatrix.ts) is protocol-blind.
 */

/** What every mutant of every protocol says about itself (a protocol catalogue's entries have at least this). */
export interface MutantDescription {
  /** Name as on the command line (kebab-case). */
  readonly name: string;
  /** One line: the bug it seeds. */
  readonly description: string;
  /** The property ids expected to catch it. */
  readonly expectedViolations: readonly string[];
}

/** The explorer's bound per implementation in the kill matrix (distinct states). */
export const KILL_EXPLORE_MAX_STATES = 2_000;

/** The fixed budget of one hunt: the same for every mutant of a matrix. */
export interface KillBudget {
  /** Random storms (the budget). */
  readonly runs: number;
  readonly seed: number;
  /** Longest storm generated (the protocol's default when absent). */
  readonly maxEvents?: number;
  /** A clock in milliseconds (performance.now, say); nothing below reads the time on its own. */
  readonly now: () => number;
  /** Called after every generated storm with the count so far. */
  readonly onRun?: (done: number) => void;
}

/** What random storms found against one implementation. */
export type Hunt =
  | {
      readonly caught: false;
      /** Storms generated. */
      readonly storms: number;
      /** Storms the design stopped in (a stall, an abort, an undefined outcome). */
      readonly endedEarly: number;
    }
  | {
      readonly caught: true;
      /** Storms generated, the failing one included (shrinking not counted). */
      readonly storms: number;
      /** Storms before the failing one that the design stopped in. */
      readonly endedEarly: number;
      /** Every property that failed at the failing step, in evaluation order. */
      readonly violated: readonly string[];
      /** Milliseconds from the start of the hunt until the first failing storm had run. */
      readonly msToDetect: number;
      /** Events in the shrunk counterexample (up to its failing step). */
      readonly counterexampleLength: number;
    };

/** What the exhaustive explorer found on the small preset (breadth first, so the length is the shortest). */
export type Shortest =
  | { readonly found: false }
  | {
      readonly found: true;
      /** Events of a shortest violating trace. */
      readonly length: number;
      /** The properties it violates at its last step. */
      readonly violated: readonly string[];
    };

/** One implementation the matrix checks: a mutant of the catalogue, or the reference. */
export interface KillTarget {
  readonly protocol: string;
  readonly name: string;
  /** The properties the catalogue expects to catch it (empty for the reference). */
  readonly expected: readonly string[];
  /** Random storms within `budget`, every kill property evaluated. */
  readonly hunt: (budget: KillBudget) => Hunt;
  /** The explorer's shortest counterexample, when the protocol has an explorer wired in. */
  readonly shortest?: () => Shortest;
}

/** A protocol as the kill matrix sees it. */
export interface KillAdapter {
  readonly protocol: string;
  /** The properties every hunt evaluates: all of the protocol's except refinement. */
  readonly properties: readonly string[];
  /** Every mutant of the protocol, in catalogue order. */
  readonly targets: () => readonly KillTarget[];
  /** The reference implementation as a target: it must survive every property. */
  readonly reference: () => KillTarget;
}

/**
 * `adapter` with the explorer wired in: `shortest(name)` runs the explorer on the implementation
 * called `name` (a mutant, or "reference") with the adapter's properties.
 */
export function withShortest(adapter: KillAdapter, shortest: (name: string) => Shortest): KillAdapter {
  const wire = (t: KillTarget): KillTarget => ({ ...t, shortest: () => shortest(t.name) });
  return {
    ...adapter,
    targets: () => adapter.targets().map(wire),
    reference: () => wire(adapter.reference()),
  };
}

/**
 * Refinement compares with the model, so it would catch every mutant for free: a mutant counts as
 * caught only when a property on its own abstraction fails.
 */
export function withoutRefinement(ids: readonly string[]): string[] {
  return ids.filter((id) => id !== 'refinement' && !/Refinement$/.test(id));
}
