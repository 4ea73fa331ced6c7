/**
 * The report of `intcheck explore`, protocol-neutral: what a protocol's exploration returns (the
 * verdict, the search's counts, and on a violation the BFS-shortest counterexample as formatted
 * events and the trace written from it), and how the command prints it: one line of text, or one
 * JSON object with `--json`.
 */
import type { ExploreStats } from '../engine/explore/explore.ts';
import type { Violation } from '../engine/property.ts';
import { thousands } from '../model/thousands.ts';
import type { ConfigJson } from './checkReport.ts';

/** What an exploration is asked, beyond its configuration (bound to the ProtocolConfig). */
export interface ExploreRunArgs {
  /** The implementation explored in product with the model (by name); undefined: the model alone. */
  readonly impl: string | undefined;
  readonly liveness: boolean;
  /** Property ids to judge (checked by the caller against the protocol's); default: what check judges. */
  readonly properties?: readonly string[];
  /** A storm profile the implementation declares: its alphabet is explored. */
  readonly profile?: string;
  /** One state per orbit of interchangeable processes, interrupt lines, IPC types, agents, harts, CPUs or senders (the controller, syscall, wakeup and UIPI models alone). */
  readonly symmetry?: boolean;
  /**
   * false (`--no-covering`, UIPI only): no covering reduction, every distinct state with its ghost
   * keyed (as Spin or TLC count them); absent or true: the protocol's covering measure, if any.
   */
  readonly covering?: boolean;
  readonly maxStates?: number;
  /** Worker threads of the parallel search (the controller family's models alone, UIPI's keyed); absent or 1: this thread. */
  readonly workers?: number;
  /** State constraints (controller family only). */
  readonly maxPending?: number;
  readonly maxQueue?: number;
  /**
   * `auto` (the judged engine where it applies, else objects), `objects` (every property, any
   * protocol), `judged` (the wakeup model alone over packed states, every default property) or
   * `packed` (the wakeup model's byte-packed engine, three invariants).
   */
  readonly engine: 'auto' | 'objects' | 'judged' | 'packed';
  /** Where a counterexample trace is written. */
  readonly out: string;
  readonly onProgress?: (p: {
    readonly distinct: number;
    readonly transitions: number;
    readonly queue: number;
    readonly depth: number;
  }) => void;
  readonly progressEvery?: number;
}

/** What one exploration found, the counterexample trace already written. */
export type ExploreResult = ExploreStats & {
  readonly protocol: string;
  /** The implementation explored ("model" for the model alone). */
  readonly implementation: string;
  readonly preset: string;
  readonly config: ConfigJson;
  readonly seconds: number;
  /** Extra fields of the JSON report (the packed engine names itself and its properties). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** What the text report calls the exploration ("wakeup model small", …). */
  readonly label: string;
} & (
    | { readonly kind: 'complete' | 'maxStates' }
    | {
        readonly kind: 'violation';
        /** The first violation as the protocol's runner reports it on the path. */
        readonly violation: Violation;
        /** On a transition, a deadlock, or the fair drain from the last state. */
        readonly where: 'step' | 'deadlock' | 'liveness';
        /** The BFS-shortest path, one formatted event per step. */
        readonly counterexample: readonly string[];
        readonly trace: string;
      }
  );

/** The search's counts as both reports print them. */
export interface ExploreSummary {
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
  readonly constrained: number;
  readonly seconds: number;
  readonly statesPerSecond: number;
}

function summaryOf(r: ExploreResult): ExploreSummary {
  const s = Math.max(r.seconds, 1e-6);
  return {
    distinct: r.distinct,
    transitions: r.transitions,
    diameter: r.diameter,
    constrained: r.constrained,
    seconds: Math.round(r.seconds * 1000) / 1000,
    statesPerSecond: Math.round(r.distinct / s),
  };
}

/**
 * What `explore --json` prints (and the programmatic API's `explore` returns): the verdict, the
 * search's counts, the judged properties and, on a violation, the counterexample and its trace.
 */
export type ExploreReport = ExploreSummary & {
  /** The bound was exhausted with no violation. */
  readonly ok: boolean;
  readonly verdict: ExploreResult['kind'];
  readonly protocol: string;
  readonly implementation: string;
  readonly preset: string;
  readonly version: string;
  readonly config: ConfigJson;
  /** The property ids judged on every transition (the packed engine's own). */
  readonly properties: readonly string[];
  readonly violation?: Violation & { readonly where: 'step' | 'deadlock' | 'liveness' };
  readonly length?: number;
  readonly counterexample?: readonly string[];
  readonly trace?: string;
  /** The packed engine names itself (`engine`). */
  readonly engine?: string;
  /** false: no covering reduction (`--no-covering`, UIPI); absent: the protocol's default. */
  readonly covering?: boolean;
};

/** The report of `r` (`version`: intcheck's; `properties`: the ids judged). */
export function exploreReport(
  r: ExploreResult,
  version: string,
  properties: readonly string[],
): ExploreReport {
  return {
    ok: r.kind === 'complete',
    verdict: r.kind,
    protocol: r.protocol,
    implementation: r.implementation,
    properties,
    ...r.extra,
    preset: r.preset,
    version,
    config: r.config,
    ...summaryOf(r),
    ...(r.kind === 'violation'
      ? {
          violation: { ...r.violation, where: r.where },
          length: r.counterexample.length,
          counterexample: r.counterexample,
          trace: r.trace,
        }
      : {}),
  };
}

/** The text report of `r` (`maxStates`: the bound that stopped it, for the message). */
export function formatExplore(r: ExploreResult, maxStates: number | undefined): string[] {
  const s = summaryOf(r);
  const stats = `${thousands(s.distinct)} distinct states, ${thousands(s.transitions)} transitions, diameter ${s.diameter}, ${s.seconds.toFixed(1)} s (${thousands(s.statesPerSecond)} distinct states/s)`;
  const cut =
    s.constrained > 0 ? `; ${thousands(s.constrained)} states outside the state constraint not expanded` : '';
  switch (r.kind) {
    case 'complete':
      return [`explore ${r.label}: bound exhausted, no violation: ${stats}${cut}`];
    case 'maxStates':
      return [
        `explore ${r.label}: STOPPED by --max-states ${thousands(maxStates ?? s.distinct)} before the bound was exhausted: NO VERDICT (${stats})`,
      ];
    case 'violation': {
      const events = r.counterexample;
      return [
        `explore ${r.label}: VIOLATION of ${r.violation.property} (${r.where}) after ${stats}`,
        `  ${r.violation.message}`,
        `  shortest counterexample (BFS), ${events.length} events${r.where === 'liveness' ? ', then the drain' : ''}:`,
        ...events.map((e, i) => `    ${i}. ${e}`),
        `  trace: ${r.trace}`,
        `  replay: npx intcheck replay ${r.trace}`,
      ];
    }
  }
}

/** The file a counterexample of an exploration is written to. */
export function exploreTraceName(
  protocol: string,
  implementation: string,
  property: string,
  preset: string,
): string {
  const where = preset.replace(/[^\w.-]+/g, '_');
  return `${protocol}--${implementation}--${property}--${where}--explore.itf.json`;
}
