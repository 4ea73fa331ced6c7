/**
 * The stimulus of a DUT run (the testbench's sequence generator): the same storms the built-in
 * implementations get, lowered to what crosses the DUT's bus, register-level reads and writes
 * and interrupt edges. Controller storms are encoded event by event. A wakeup storm is run by
 * the software runtime over the reference device (then the §6 drain), and the accesses the
 * runtime made are the stimulus: they do not depend on the DUT's replies, so requests can be
 * pipelined, and a DUT that conforms returns exactly what the runtime saw. A third kind fills
 * one process to capacity and one line's pending counter to saturation, so boundary bugs show
 * at the published sizes. Every run ends with a read of ERROR at page 0 (spec/dut-protocol.md).
 */
import fc from 'fast-check';
import {
  biasedIndex,
  controllerEvent,
  controllerStorm,
  taskId,
} from '../../protocols/controller/engine/controllerEvent.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import { encodeOperation, registerAddress } from '../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../protocols/controller/model/events.ts';
import { wakeupAccesses } from '../../protocols/wakeup/engine/wakeupAccesses.ts';
import { wakeupStorm } from '../../protocols/wakeup/engine/wakeupStorm.ts';
import type { DutAccess } from './process/requestLine.ts';

/** The register-level access `e` stands for. */
export function lower(cfg: Config, e: ControllerEvent): DutAccess {
  return encodeOperation(cfg, e);
}

/** The closing step of every run: ERROR read through page 0. */
export function errorRead(cfg: Config): DutAccess {
  return { type: 'Read', addr: registerAddress(cfg, 0, 'ERROR') };
}

/** C + 1 enqueues to one process and Q + 1 interrupts on one line with nobody waiting, among random events. */
export function boundaryStorm(cfg: Config): fc.Arbitrary<ControllerEvent[]> {
  return fc
    .record({
      p: biasedIndex(cfg.processes),
      line: biasedIndex(cfg.devices),
      prios: fc.array(biasedIndex(cfg.priorities), { minLength: 1, maxLength: 4 }),
      task: taskId(cfg),
      before: fc.array(controllerEvent(cfg), { maxLength: 10 }),
      after: fc.array(controllerEvent(cfg), { maxLength: 10 }),
    })
    .map(({ p, line, prios, task, before, after }) => {
      const fill = Array.from({ length: cfg.capacity + 1 }, (_, i): ControllerEvent => {
        const prio = prios[i % prios.length] ?? 0;
        return { type: 'Enqueue', p, prio, task };
      });
      const saturate = Array.from(
        { length: cfg.pendingMax + 1 },
        (): ControllerEvent => ({ type: 'Irq', line }),
      );
      return [...before, ...fill, ...saturate, ...after];
    });
}

/** One run's accesses: a controller storm, a wakeup storm, or a boundary run, then the ERROR read. */
export function dutRun(cfg: Config, maxEvents: number): fc.Arbitrary<DutAccess[]> {
  const close = errorRead(cfg);
  const ctrl = (storm: readonly ControllerEvent[]) => [...storm.map((e) => lower(cfg, e)), close];
  return fc.oneof(
    { weight: 4, arbitrary: controllerStorm(cfg, { maxLength: maxEvents }).map(ctrl) },
    {
      weight: 3,
      arbitrary: wakeupStorm(cfg, { maxEvents }).map((s) => [...wakeupAccesses(cfg, s), close]),
    },
    { weight: 1, arbitrary: boundaryStorm(cfg).map(ctrl) },
  );
}
