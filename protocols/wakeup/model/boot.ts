/**
 * The deterministic system at start-up (a decision: the spec does not say how the system boots).
 *
 * - Interrupt handlers (research/ats-intc.md §6.1, `register_irq_handler`): device d gets one
 *   handler task, id d + 1, of process 0 (the kernel handles interrupts, as in the published
 *   runtime) at priority 0. Only the first min(D, taskPool, C) devices get one, so that the
 *   handlers fit in the id pool and in process 0's capacity; other devices have none.
 * - The runtime registers each handler at start-up with IRQ_REGISTER_d on page 0 (the boot
 *   writes below), so every handler starts `blocked` on its device.
 * - Every hart starts on process 0's executor (the only process online at reset), looking for
 *   work. Every other id is free: ordinary tasks come from `Spawn` events.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { IrqRegister } from '../../controller/model/events.ts';
import { initialState } from '../../controller/model/state.ts';
import { step as controllerStep } from '../../controller/model/step.ts';
import { FREE_TASK, type HartState, type SystemState, type TaskRecord } from './state.ts';

/** How many devices have an interrupt handler task. */
export function handlerCount(cfg: Config): number {
  return Math.min(cfg.devices, cfg.taskPool, cfg.capacity);
}

/** The id of device d's handler task (meaningful for d < handlerCount). */
export function handlerTask(d: number): bigint {
  return BigInt(d + 1);
}

/** The MMIO writes the runtime performs at start-up: each handler registers on its device. */
export function bootWrites(cfg: Config): IrqRegister[] {
  return Array.from({ length: handlerCount(cfg) }, (_, d) => ({
    type: 'IrqRegister',
    p: 0,
    device: d,
    task: handlerTask(d),
  }));
}

/** The hart every executor starts as: on process 0, looking for work. */
export const BOOT_HART: HartState = Object.freeze({ phase: 'fetch', p: 0, task: 0n });

/** The system after start-up: the controller after the boot writes, harts on process 0, handlers blocked. */
export function initialSystem(cfg: Config): SystemState {
  let ctrl = initialState(cfg);
  for (const w of bootWrites(cfg)) ctrl = controllerStep(cfg, ctrl, w).state;
  const handlers = handlerCount(cfg);
  const tasks = Array.from(
    { length: cfg.taskPool },
    (_, i): TaskRecord =>
      i < handlers ? { life: 'blocked', p: 0, prio: 0, handlerOf: i, waitsOn: i } : FREE_TASK,
  );
  return { ctrl, harts: Array.from({ length: cfg.harts }, () => BOOT_HART), tasks };
}
