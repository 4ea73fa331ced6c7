/**
 * What the controller family's trace loading shares: the configuration a trace is read with
 * (`--preset`/`--config`, else its `#meta.config`), the implementations its replay takes, and
 * the extension that lets replay send a trace to an external design: a DUT speaks the
 * controller's registers, so only the family's traces go there (docs/dut.md).
 */
import type { DutPredictor } from '../../engine/dut/predictor.ts';
import type { DutAccess } from '../../engine/dut/process/requestLine.ts';
import type { ItfTrace, TraceHeader } from '../../traces/itfTrace.ts';
import { controllerImplNames } from '../controller/designs/registry.ts';
import type { Config } from '../controller/model/config/config.ts';
import { resolveConfigs } from '../controller/model/config/resolveConfigs.ts';
import type { ConfigChoice, Described, Protocol } from '../protocol.ts';

/** The configuration `c` asks for, or undefined when it asks for none (the trace's own is used). */
export function familyTraceConfig(c: ConfigChoice): Config | undefined {
  return c.preset === undefined && c.config === undefined ? undefined : resolveConfigs(c)[0]?.cfg;
}

/** The implementations a family member's trace replays on: its own mutants, then the controller's designs and mutants. */
export function familyImplementations(mutants: readonly Described[]): string[] {
  return [...mutants.map((m) => m.name), ...controllerImplNames()];
}

/** A trace as an external design replays it: its events as the register accesses they stand for. */
export interface DutTrace {
  readonly header: TraceHeader;
  readonly config: Config;
  /** The accesses on `p`'s design (through its driver when it has its own register map), with no closing read. */
  accesses(p: DutPredictor): DutAccess[];
}

/** A protocol whose traces replay on an external design (`replay --dut`). */
export interface DutReplayable extends Protocol {
  loadDutTrace(itf: ItfTrace): DutTrace;
}

/** Whether `p`'s traces replay on an external design. */
export function dutReplayable(p: Protocol): p is DutReplayable {
  return 'loadDutTrace' in p;
}
