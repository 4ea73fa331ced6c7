/**
 * A BMC counterexample as an intcheck controller trace, like the trace of a conform run: the
 * witness's completed accesses and interrupt edges in order, then the closing accesses that make
 * what the design holds visible on the bus (closingReads.ts). Each state is the reference
 * model's prediction; `intcheck::obs` is what the design returned: the witness's own replies for
 * its accesses, and for the closing reads the simulated design's replies when the caller has
 * them (the Verilator harness of the same bug), else the reference's. The trace ends at the first
 * reply that differs from the reference's, which is its failing step; when none differs the
 * failing step is the witness's last event and the message says that the failure is in the
 * design's state only.
 */
import type { Trace } from '../../../traces/trace.ts';
import type { Config } from '../model/config/config.ts';
import type { ControllerEvent } from '../model/events.ts';
import { ACK, type Observation, valueObs } from '../model/result.ts';
import { initialState } from '../model/state.ts';
import { formatObservation } from '../model/stateCells.ts';
import { step } from '../model/step.ts';
import type { ControllerTraceStep } from '../trace/controllerTrace.ts';
import { dutImplementation, dutTrace } from '../trace/dutTrace.ts';
import { closingReads } from './closingReads.ts';
import type { WitnessEvent } from './witness.ts';

export interface FormalTraceArgs {
  readonly cfg: Config;
  /** The design's name as its DUT harness says it (`intc-rtl`, `intc-rtl-bug-NAME`). */
  readonly design: string;
  readonly property: string;
  /** The failing assertions as yosys-smtbmc names them. */
  readonly assertions: readonly string[];
  /** The cycle (1-based) in which the assertion fails. */
  readonly depth: number;
  readonly witness: readonly WitnessEvent[];
  /** The simulated design's replies to the closing reads, in order, when known. */
  readonly closingReplies?: readonly Observation[];
}

function same(a: Observation, b: Observation): boolean {
  return formatObservation(a) === formatObservation(b);
}

/** The events of `a`'s trace before it is cut at the first differing reply: witness, then closing accesses. */
export function formalTraceEvents(a: Pick<FormalTraceArgs, 'cfg' | 'witness'>): ControllerEvent[] {
  let s = initialState(a.cfg);
  for (const w of a.witness) s = step(a.cfg, s, w.event).state;
  return [...a.witness.map((w) => w.event), ...closingReads(a.cfg, s)];
}

/** The trace of a formal counterexample, and its failing step (0-based event index). */
export function formalTrace(a: FormalTraceArgs): { readonly trace: Trace; readonly failingStep: number } {
  const initial = initialState(a.cfg);
  const events = formalTraceEvents(a);
  const steps: ControllerTraceStep[] = [];
  let s = initial;
  let differs = -1;
  let why = '';
  for (const [i, event] of events.entries()) {
    const r = step(a.cfg, s, event);
    const w = a.witness[i];
    const closing = a.closingReplies?.[i - a.witness.length];
    const obs: Observation =
      w !== undefined ? (w.event.type === 'Read' ? valueObs(w.data ?? 0n) : ACK) : (closing ?? r.obs);
    steps.push({ event, obs, state: r.state });
    s = r.state;
    if (!same(obs, r.obs)) {
      differs = i;
      why = `the design returned ${formatObservation(obs)}, the reference ${formatObservation(r.obs)}`;
      break;
    }
  }
  const failingStep = differs >= 0 ? differs : Math.max(0, a.witness.length - 1);
  const where =
    differs >= 0
      ? `first reply that differs from the reference's: step ${differs} (${why})`
      : 'no reply differs from the reference: the failure is in the design state the checker watches';
  const closingNote =
    a.closingReplies === undefined
      ? 'the closing reads record the reference replies (no simulation of the design was at hand)'
      : 'the closing reads record the simulated design replies';
  const trace = dutTrace({
    cfg: a.cfg,
    implementation: dutImplementation(a.design),
    property: a.property,
    message: `BMC: ${a.assertions.join(', ')} fails in cycle ${a.depth}; ${where}`,
    failingStep,
    note: `formal counterexample (intcheck formal, hw/formal): ${a.witness.length} witness events, then closing reads; ${closingNote}`,
    initial,
    steps,
  });
  return { trace, failingStep };
}
