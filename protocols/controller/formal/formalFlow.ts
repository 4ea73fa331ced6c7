/**
 * The formal flow of `intcheck formal`: elaborate the harness (hw/formal) for a configuration and
 * a seeded bug, then for each property a bounded model check to the depth asked, and where it
 * holds an attempt at the induction step; a failure's witness is read back and written as a
 * controller trace. Properties run `jobs` at a time (one solver each).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BadInput } from '../../../model/badInput.ts';
import { writeTrace } from '../../../traces/writeTrace.ts';
import type { Config } from '../model/config/config.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { Observation } from '../model/result.ts';
import type { CheckerMutation } from './checkerMutations.ts';
import { type FormalModel, formalModel } from './formalModel.ts';
import type { FormalProperty } from './formalProperties.ts';
import { requireFormalTools } from './formalTools.ts';
import { formalTrace, formalTraceEvents } from './formalTrace.ts';
import { induction } from './induction.ts';
import type { SeededBug } from './seededBugs.ts';
import { runSmtbmc } from './smtbmc.ts';
import { readVcd } from './vcd.ts';
import { witnessEvents } from './witness.ts';

/** One property's result; `depth` in clock cycles, `seconds` the wall time of its solver runs. */
export type FormalRow =
  /** Proved by k-induction (k = `depth`), after holding to the BMC depth. */
  | {
      readonly id: FormalProperty;
      readonly verdict: 'proved';
      readonly depth: number;
      readonly seconds: number;
    }
  /** Holds to `depth` cycles (fewer than asked when the time limit stopped it). */
  | {
      readonly id: FormalProperty;
      readonly verdict: 'holds';
      readonly depth: number;
      readonly seconds: number;
      readonly timedOut: boolean;
      /** The property's assertions that the induction step proves on their own (its parts). */
      readonly provedParts: readonly string[];
    }
  /** Fails in cycle `depth`: the assertions that failed, the trace written, its failing step. */
  | {
      readonly id: FormalProperty;
      readonly verdict: 'fails';
      readonly depth: number;
      readonly seconds: number;
      readonly assertions: readonly string[];
      readonly trace: string;
      readonly failingStep: number;
    };

/** What a row says. */
export type Verdict = FormalRow['verdict'];

export interface FormalOptions {
  readonly cfg: Config;
  /** undefined: the correct RTL. */
  readonly bug: SeededBug | undefined;
  readonly properties: readonly FormalProperty[];
  /** BMC depth in clock cycles. */
  readonly depth: number;
  /**
   * The first cycle whose assertions BMC checks (default 1): a test that knows a counterexample's
   * length checks only its last cycle. A property that holds then holds from that cycle on.
   */
  readonly from?: number;
  /** A checker mutation to check the properties against (no induction is tried then). */
  readonly mutation?: CheckerMutation;
  /** Length of the induction step tried where BMC holds; 0: no induction. */
  readonly inductionDepth: number;
  readonly out: string;
  readonly jobs: number;
  /** Per solver call. */
  readonly timeoutMs: number;
  /** Replies of the simulated design to a counterexample's events, when a simulation is at hand. */
  readonly simulate?: (events: readonly ControllerEvent[]) => Promise<readonly Observation[] | undefined>;
  /** Called as each property finishes. */
  readonly onRow?: (row: FormalRow) => void;
  /** Aborting it kills the solver runs in progress. */
  readonly signal?: AbortSignal;
}

/** The design's name as its DUT harness gives it. */
export function designName(bug: SeededBug | undefined): string {
  return bug === undefined ? 'intc-rtl' : `intc-rtl-bug-${bug.name}`;
}

/** Runs the flow; rows in the order of `o.properties`. */
export async function runFormalFlow(o: FormalOptions): Promise<FormalRow[]> {
  const versions = requireFormalTools();
  mkdirSync(o.out, { recursive: true });
  const model = await formalModel(o.cfg, o.bug?.id ?? 0, versions.yosys ?? '', o.timeoutMs);
  const rows = new Map<FormalProperty, FormalRow>();
  const queue = [...o.properties];
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      const row = await checkProperty(o, model, p);
      rows.set(p, row);
      o.onRow?.(row);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.jobs) }, worker));
  return o.properties.flatMap((p) => {
    const r = rows.get(p);
    return r === undefined ? [] : [r];
  });
}

async function checkProperty(o: FormalOptions, model: FormalModel, id: FormalProperty): Promise<FormalRow> {
  const smt2 = await model.smt2(id, o.mutation);
  const vcd = join(o.out, `${id}.vcd`);
  const solver = { smt2, timeoutMs: o.timeoutMs, ...(o.signal === undefined ? {} : { signal: o.signal }) };
  const bmc = await runSmtbmc({
    ...solver,
    depth: o.depth,
    induction: false,
    vcd,
    ...(o.from === undefined ? {} : { from: o.from }),
  });
  if (bmc.kind === 'error') throw new BadInput(`formal: ${id}: ${bmc.message}`);
  if (bmc.kind === 'timeout') {
    return { id, verdict: 'holds', depth: bmc.depth, seconds: bmc.seconds, timedOut: true, provedParts: [] };
  }
  if (bmc.kind === 'failed') {
    const trace = join(o.out, `${id}.itf.json`);
    const witness = witnessEvents(readVcd(readFileSync(vcd, 'utf8')), o.cfg.devices);
    const events = formalTraceEvents({ cfg: o.cfg, witness });
    const replies = await o.simulate?.(events);
    const closingReplies = replies?.slice(witness.length);
    const built = formalTrace({
      cfg: o.cfg,
      design: designName(o.bug),
      property: id,
      assertions: bmc.assertions,
      depth: bmc.depth,
      witness,
      ...(closingReplies === undefined ? {} : { closingReplies }),
    });
    writeTrace(trace, built.trace);
    rmSync(vcd, { force: true });
    return {
      id,
      verdict: 'fails',
      depth: bmc.depth,
      seconds: bmc.seconds,
      assertions: bmc.assertions,
      trace,
      failingStep: built.failingStep,
    };
  }
  rmSync(vcd, { force: true });
  if (o.inductionDepth > 0 && o.mutation === undefined) {
    const ind = await induction(o, model, id, smt2);
    const seconds = Math.round((bmc.seconds + ind.seconds) * 10) / 10;
    if (ind.proved) return { id, verdict: 'proved', depth: o.inductionDepth, seconds };
    return { id, verdict: 'holds', depth: bmc.depth, seconds, timedOut: false, provedParts: ind.parts };
  }
  return { id, verdict: 'holds', depth: bmc.depth, seconds: bmc.seconds, timedOut: false, provedParts: [] };
}
