/**
 * The counterexample of a BMC run, read back as the run's events in the order the checker
 * linearises them (hw/formal/intc_checker.sv; docs/hardware.md "Interrupt edges and the order
 * of events"): the completed bus accesses (taken at a handshake, started at a step, answered),
 * and the interrupt edges, each edge placed before the first access that starts at a later
 * clock edge than the one that sampled it. An access the design never started, or never
 * answered, within the trace is left out (it did not complete).
 */
import type { ControllerEvent } from '../model/events.ts';
import type { StepValues } from './vcd.ts';

/** One completed access or edge of the witness, with the cycle that orders it. */
export interface WitnessEvent {
  readonly event: ControllerEvent;
  /** A read's data as the design returned it (undefined for a write or an edge). */
  readonly data?: bigint;
  /** The cycle of the handshake (an access) or of the sample (an edge). */
  readonly cycle: number;
}

interface Access {
  readonly write: boolean;
  readonly addr: bigint;
  readonly data: bigint;
  readonly taken: number;
  started?: number;
}

/** The events of the witness `w` for `devices` interrupt lines. */
export function witnessEvents(w: StepValues, devices: number): WitnessEvent[] {
  const v = (name: string, i: number) => w.value(name, i);
  const out: WitnessEvent[] = [];
  const edges: { line: number; cycle: number }[] = [];
  let pending: Access | undefined;
  const flushEdgesBefore = (cycle: number) => {
    while (edges.length > 0 && (edges[0]?.cycle ?? cycle) < cycle) {
      const e = edges.shift();
      if (e !== undefined) out.push({ event: { type: 'Irq', line: e.line }, cycle: e.cycle });
    }
  };
  for (let i = 1; i < w.steps; i++) {
    // The response of the started access (it comes before a handshake in the same cycle).
    if (v('ev_rsp_valid', i) === 1n && pending?.started !== undefined) {
      const a = pending;
      flushEdgesBefore(a.started ?? i);
      out.push(
        a.write
          ? { event: { type: 'Write', addr: a.addr, data: a.data }, cycle: a.taken }
          : { event: { type: 'Read', addr: a.addr }, data: v('ev_rsp_rdata', i), cycle: a.taken },
      );
      pending = undefined;
    }
    if (v('ev_step_valid', i) === 1n && v('ev_step_irq', i) === 0n && pending !== undefined)
      pending.started = i;
    const irq = v('ev_irq', i);
    const prev = v('ev_irq', i - 1);
    for (let d = 0; d < devices; d++) {
      const bit = 1n << BigInt(d);
      if ((irq & bit) !== 0n && (prev & bit) === 0n) edges.push({ line: d, cycle: i });
    }
    if (v('ev_req_valid', i) === 1n && v('ev_req_ready', i) === 1n) {
      pending = {
        write: v('ev_req_write', i) === 1n,
        addr: v('ev_req_addr', i),
        data: v('ev_req_wdata', i),
        taken: i,
      };
    }
  }
  // Edges after the last completed access, unless an access started after them was cut off.
  const cut = pending?.started;
  flushEdgesBefore(cut ?? Number.MAX_SAFE_INTEGER);
  return out;
}
