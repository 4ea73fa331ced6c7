/**
 * The kill matrix: every mutant of a protocol checked with random storms on a fixed budget, each
 * row saying whether a property caught it, which one, after how many storms and how long, and
 * how short the shrunk counterexample is. Refinement is left out, so a mutant counts as caught
 * only when a property on its own abstraction fails. Returns data; the CLI and the README script
 * decide what to print. The clock is the caller's (nothing here reads the time on its own).
 */
import type { ControllerImpl } from '../../impl/device.ts';
import { CONTROLLER_MUTANTS } from '../../impl/mutants/controllerMutants.ts';
import { SYSCALL_MUTANTS } from '../../impl/mutants/syscallMutants.ts';
import { WAKEUP_MUTANTS } from '../../impl/mutants/wakeupMutants.ts';
import type { Config } from '../../model/config/config.ts';
import { propertiesOf } from '../registry.ts';
import { syscallPropertyIds } from '../syscall/selection.ts';
import { wakeupPropertyIds } from '../wakeup/selection.ts';
import { controllerResult, controllerRuns } from './checkController.ts';
import { syscallResult, syscallRuns } from './checkSyscall.ts';
import { wakeupResult, wakeupRuns } from './checkWakeup.ts';
import { type RangeOutcome, type SeededRunsOptions, seededRuns } from './seededRuns.ts';

/** The protocols that have a mutant catalogue. */
export const MUTANT_PROTOCOLS = ['controller', 'wakeup', 'syscall'] as const;
export type MutantProtocol = (typeof MUTANT_PROTOCOLS)[number];

/** Refinement properties: they compare with the model, so they would catch every mutant for free. */
const REFINEMENT_IDS: ReadonlySet<string> = new Set(['refinement', 'systemRefinement', 'syscallRefinement']);

/** One implementation to put through the matrix, and the protocol it is checked on. */
export interface MutantUnderTest {
  readonly protocol: MutantProtocol;
  readonly impl: ControllerImpl;
}

/** What every row shares: which mutant, on which protocol, who the catalogue expects to catch it. */
interface RowHead {
  readonly mutant: string;
  readonly protocol: MutantProtocol;
  readonly expected: readonly string[];
  /** Storms generated, the failing one included (shrinking not counted). */
  readonly storms: number;
}

/** One row of the matrix, discriminated on `verdict`. */
export type KillRow =
  | (RowHead & {
      readonly verdict: 'caught';
      /** The first property that failed (in evaluation order). */
      readonly property: string;
      /** Every property that failed at that step. */
      readonly violated: readonly string[];
      /** True when one of the failing properties is among the expected ones. */
      readonly asExpected: boolean;
      /** Milliseconds from the start until the first failing storm had run (shrinking excluded). */
      readonly msToDetect: number;
      /** Milliseconds of the whole check, shrinking included. */
      readonly msTotal: number;
      /** Events in the shrunk counterexample (up to its failing step). */
      readonly counterexampleLength: number;
    })
  | (RowHead & {
      readonly verdict: 'survived';
      /** Milliseconds spent on the whole budget. */
      readonly msTotal: number;
    });

export interface KillMatrixOptions {
  readonly cfg: Config;
  /** Storms per mutant (the budget). */
  readonly runs: number;
  readonly seed: number;
  /** Longest storm generated (default 80). */
  readonly maxEvents?: number;
  /** A clock in milliseconds (performance.now, say). */
  readonly now: () => number;
  /** Called after every generated storm of the mutant being checked. */
  readonly onRun?: (target: MutantUnderTest, done: number) => void;
  /** Called with each row as soon as it is known. */
  readonly onRow?: (row: KillRow) => void;
}

/** The catalogue's mutants of `protocol`. */
export function mutantsOf(protocol: MutantProtocol): MutantUnderTest[] {
  const impls: readonly ControllerImpl[] =
    protocol === 'controller'
      ? CONTROLLER_MUTANTS
      : protocol === 'syscall'
        ? SYSCALL_MUTANTS
        : WAKEUP_MUTANTS;
  return impls.map((impl) => ({ protocol, impl }));
}

/** The properties the matrix evaluates on `protocol`: all of them except refinement. */
export function killProperties(protocol: MutantProtocol): string[] {
  const ids =
    protocol === 'controller'
      ? propertiesOf('controller').map((p) => p.id)
      : protocol === 'syscall'
        ? syscallPropertyIds()
        : wakeupPropertyIds();
  return ids.filter((id) => !REFINEMENT_IDS.has(id));
}

/** The rows of `targets` (by default every mutant of every protocol), in order. */
export function killMatrix(
  o: KillMatrixOptions,
  targets: readonly MutantUnderTest[] = MUTANT_PROTOCOLS.flatMap(mutantsOf),
): KillRow[] {
  return targets.map((t) => {
    const row = killRow(t, o);
    o.onRow?.(row);
    return row;
  });
}

/** `o`'s seeded runs with the time of the first failing run noted. */
function timed<T>(o: SeededRunsOptions<T>, now: () => number): { outcome: RangeOutcome<T>; at?: number } {
  let at: number | undefined;
  const outcome = seededRuns({
    ...o,
    holds: (value) => {
      const ok = o.holds(value);
      if (!ok && at === undefined) at = now();
      return ok;
    },
  });
  return at === undefined ? { outcome } : { outcome, at };
}

/** Checks one mutant on its protocol's properties, refinement excluded. */
export function killRow(t: MutantUnderTest, o: KillMatrixOptions): KillRow {
  const properties = killProperties(t.protocol);
  const range = { from: 0, to: o.runs };
  const base = {
    cfg: o.cfg,
    impl: t.impl,
    seed: o.seed,
    range,
    properties,
    ...(o.maxEvents === undefined ? {} : { maxEvents: o.maxEvents }),
    ...(o.onRun ? { onRun: (done: number) => o.onRun?.(t, done) } : {}),
  };
  const head = { mutant: t.impl.name, protocol: t.protocol, expected: t.impl.expectedViolations ?? [] };
  const start = o.now();
  const found = ((): Found => {
    switch (t.protocol) {
      case 'controller': {
        const { outcome, at } = timed(controllerRuns(base), o.now);
        const r = controllerResult(base, outcome);
        return r.ok
          ? { storms: r.runs }
          : failedAt(r.runs, at, r.failure.violations, r.counterexample.length);
      }
      case 'wakeup': {
        const { outcome, at } = timed(wakeupRuns(base), o.now);
        const r = wakeupResult(base, outcome);
        return r.ok
          ? { storms: r.runs }
          : failedAt(r.runs, at, r.failure.violations, r.counterexample.length);
      }
      case 'syscall': {
        const { outcome, at } = timed(syscallRuns(base), o.now);
        const r = syscallResult(base, outcome);
        return r.ok
          ? { storms: r.runs }
          : failedAt(r.runs, at, r.failure.violations, r.counterexample.length);
      }
    }
  })();
  const msTotal = o.now() - start;
  const failed = found.failed;
  const [property] = failed?.violated ?? [];
  if (failed === undefined || property === undefined) {
    return { ...head, verdict: 'survived', storms: found.storms, msTotal };
  }
  return {
    ...head,
    verdict: 'caught',
    storms: found.storms,
    property,
    violated: failed.violated,
    asExpected: failed.violated.some((id) => head.expected.includes(id)),
    msToDetect: (failed.at ?? start + msTotal) - start,
    msTotal,
    counterexampleLength: failed.length,
  };
}

/** What one mutant's check found: storms run and, when a property failed, which ones, when, and how short. */
interface Found {
  readonly storms: number;
  readonly failed?: {
    readonly violated: readonly string[];
    readonly at: number | undefined;
    readonly length: number;
  };
}

/** A failed check's findings. */
function failedAt(
  storms: number,
  at: number | undefined,
  violations: readonly { readonly property: string }[],
  length: number,
): Found {
  return { storms, failed: { violated: violations.map((v) => v.property), at, length } };
}

/** The median detection time of the caught rows in milliseconds; undefined when none was caught. */
export function medianMsToDetect(rows: readonly KillRow[]): number | undefined {
  const ms = rows.flatMap((r) => (r.verdict === 'caught' ? [r.msToDetect] : [])).sort((a, b) => a - b);
  if (ms.length === 0) return undefined;
  const mid = Math.floor(ms.length / 2);
  const hi = ms[mid] ?? 0;
  return ms.length % 2 === 1 ? hi : ((ms[mid - 1] ?? hi) + hi) / 2;
}
