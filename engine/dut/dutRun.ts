/**
 * The stimulus of a DUT run (the testbench's sequence generator): the same storms the built-in
 * implementations get, lowered to what crosses the DUT's bus, register-level reads and writes
 * and interrupt edges. Controller storms are encoded event by event. A wakeup storm is run by
 * the software runtime over the reference device (then the §6 drain), and the accesses the
 * runtime made are the stimulus: they do not depend on the DUT's replies, so requests can be
 * pipelined, and a DUT that conforms returns exactly what the runtime saw. A third kind fills
 * one process to capacity and one line's pending counter to saturation, so boundary bugs show
 * at the published sizes. Every run ends with a read of ERROR at page 0 (spec/dut-protocol.md).
 * With another predictor than the reference (`conform --against NAME`), the storms are those of
 * the configuration NAME supports (NAME's own controller storms when it has them, stormFor.ts),
 * and the accesses are NAME's own (predictorAccesses.ts).
 */
import fc from 'fast-check';
import { stormFor } from '../../protocols/controller/engine/stormFor.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import { biasedIndex, controllerEvent, taskId } from '../../protocols/controller/model/controllerEvent.ts';
import { encodeOperation, registerAddress } from '../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../protocols/controller/model/events.ts';
import { wakeupAccesses } from '../../protocols/wakeup/engine/wakeupAccesses.ts';
import { wakeupStorm } from '../../protocols/wakeup/engine/wakeupStorm.ts';
import type { SystemEvent } from '../../protocols/wakeup/model/events.ts';
import type { DutPredictor, ImplPredictor } from './predictor.ts';
import { eventAccesses, runtimeAccesses } from './predictorAccesses.ts';
import type { DutAccess } from './process/requestLine.ts';

/** The register-level access `e` stands for. */
export function lower(cfg: Config, e: ControllerEvent): DutAccess {
  return encodeOperation(cfg, e);
}

/** The closing step of every run: ERROR read through page 0. */
function errorRead(cfg: Config): DutAccess {
  return { type: 'Read', addr: registerAddress(cfg, 0, 'ERROR') };
}

/** C + 1 enqueues to one process and Q + 1 interrupts on one line with nobody waiting, among random events. */
function boundaryStorm(cfg: Config): fc.Arbitrary<ControllerEvent[]> {
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

/** How storms become accesses for one predictor. */
interface Lowering {
  readonly events: (storm: readonly ControllerEvent[]) => DutAccess[];
  readonly system: (storm: readonly SystemEvent[]) => DutAccess[];
}

/** The reference's lowering: the reference map, the runtime over the reference device. */
function referenceLowering(cfg: Config): Lowering {
  const close = errorRead(cfg);
  return {
    events: (storm) => [...storm.map((e) => lower(cfg, e)), close],
    system: (storm) => [...wakeupAccesses(cfg, storm), close],
  };
}

/** An implementation's lowering: its driver and its device, cut where it ends the run. */
function implLowering(p: ImplPredictor): Lowering {
  return { events: (storm) => eventAccesses(p, storm), system: (storm) => runtimeAccesses(p, storm) };
}

/**
 * One run's accesses: a controller storm, a wakeup storm, or a boundary run, then the ERROR read,
 * on the predictor's configuration.
 */
export function dutRun(p: DutPredictor, maxEvents: number): fc.Arbitrary<DutAccess[]> {
  const cfg = p.cfg;
  const impl = p.impl;
  const low = impl === undefined ? referenceLowering(cfg) : implLowering({ ...p, impl });
  return fc.oneof(
    { weight: 4, arbitrary: stormFor(impl, undefined, cfg, { maxLength: maxEvents }).map(low.events) },
    { weight: 3, arbitrary: wakeupStorm(cfg, { maxEvents }).map(low.system) },
    { weight: 1, arbitrary: boundaryStorm(cfg).map(low.events) },
  );
}
