/**
 * The text a person reads after `intcheck replay` of a controller trace: a header, each step (event, what it returned,
 * the state cells it changed), at the first failing step the property and its message with
 * expected beside actual where the model and the implementation differ, and a one-line summary.
 */

import { count, formatReplayHeader } from '../../../replay/formatReplayHeader.ts';
import type { TraceHeader } from '../../../traces/itfTrace.ts';
import type { Config } from '../model/config/config.ts';
import { formatEvent } from '../model/formatEvent.ts';
import type { Observation } from '../model/result.ts';
import { changedCells, formatObservation } from '../model/stateCells.ts';
import type { ControllerReplay } from './replayControllerTrace.ts';

const INDENT = '        ';

/**
 * The trace a report is of: its header and configuration (a wakeup or syscall trace's too, when
 * replayed on a DUT as the accesses it stands for), and for a controller trace the replies it
 * recorded (index i + 1 is event i's), which the report puts beside the replayed ones at the
 * recorded failing step.
 */
export type ReplayedTrace = TraceHeader & {
  readonly config: Config;
  readonly observations?: readonly (Observation | null)[];
};

/** The replay report of a controller run, lines joined with "\n" (no final newline). */
export function formatControllerReplay(result: ControllerReplay, parsed: ReplayedTrace): string {
  const cfg = parsed.config;
  const lines = formatReplayHeader(parsed, result.implementation);
  const failAt = result.ok ? -1 : result.violation.step;
  let before = result.initial;
  result.recorded.forEach((r, i) => {
    const failed = i === failAt;
    const obs = r.obs.kind === 'ack' ? '' : ` → ${formatObservation(r.obs)}`;
    lines.push(`${failed ? '✗' : ' '} ${String(i).padStart(4)}  ${formatEvent(r.event)}${obs}`);
    for (const [name, was, now] of changedCells(cfg, before, r.state))
      lines.push(`${INDENT}${name}: ${was} → ${now}`);
    if (failed && !result.ok) lines.push(...failure(cfg, result));
    if (i === parsed.meta.failingStep) lines.push(...recordedBeside(parsed, r.obs, i, result.implementation));
    before = r.state;
  });
  if (!result.ok && (failAt < 0 || failAt >= result.recorded.length)) lines.push(...failure(cfg, result));
  lines.push(summary(result));
  return lines.join('\n');
}

/**
 * At the trace's recorded failing step, when the trace is replayed on another implementation than
 * the one it recorded (the reference, a DUT), the reply this one gave beside the recorded one (a
 * DUT's, a formal counterexample's), whether or not they differ.
 */
function recordedBeside(
  parsed: ReplayedTrace,
  replayed: Observation,
  i: number,
  implementation: string,
): string[] {
  const recorded = parsed.observations?.[i + 1];
  if (recorded === null || recorded === undefined || implementation === parsed.implementation) return [];
  const r = formatObservation(replayed);
  const t = formatObservation(recorded);
  const verdict = r === t ? 'the same reply' : 'they differ';
  return [
    `${INDENT}recorded failing step: "${implementation}" replies ${r}, the trace (${parsed.implementation}) recorded ${t}: ${verdict}`,
  ];
}

/** The property, its message, and expected (model) beside actual (implementation) when they differ. */
function failure(cfg: Config, result: Extract<ControllerReplay, { ok: false }>): string[] {
  const v = result.violation;
  const out = [`${INDENT}property ${v.property} fails: ${v.message}`];
  const r = result.failing;
  const exp = r.expected;
  if (exp === undefined) return out;
  const rows: [string, string, string][] = [];
  const eo = formatObservation(exp.obs);
  const ao = formatObservation(r.obs);
  if (eo !== ao) rows.push(['returned', eo, ao]);
  rows.push(...changedCells(cfg, exp.state, r.state));
  if (rows.length === 0) return out;
  const head: [string, string, string] = ['', 'expected (model)', `actual (${result.implementation})`];
  const all = [head, ...rows];
  const w0 = Math.max(...all.map((x) => x[0].length));
  const w1 = Math.max(...all.map((x) => x[1].length));
  for (const [name, e, a] of all) out.push(`${INDENT}${name.padEnd(w0)}  ${e.padEnd(w1)}  ${a}`.trimEnd());
  return out;
}

function summary(result: ControllerReplay): string {
  if (result.ok) {
    const stopped =
      result.stopped === undefined ? '' : ` (the run stopped there: the access ${STOPPED[result.stopped]})`;
    return `✓ passes on "${result.implementation}": ${count(result.steps, 'step')}, no property fails${stopped}`;
  }
  const v = result.violation;
  return `✗ still fails on "${result.implementation}": ${v.property} at step ${v.step}: ${v.message}`;
}

/** How a replay says that the run ended early. */
const STOPPED = {
  stall: 'stalled',
  abort: 'aborted',
  undefined: 'had an undefined effect in the design',
} as const;
