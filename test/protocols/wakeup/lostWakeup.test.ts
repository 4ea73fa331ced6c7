/**
 * The published designs' lost wakeup, observed through the executable runtime: an interrupt
 * handler re-registers only after handling (research/ats-intc.md §6.1), so an interrupt that
 * arrives while it runs finds nobody waiting. The reference counts it and the re-registration
 * consumes the count; a device that drops interrupts with nobody waiting (the ATS-INTC QEMU
 * model, spec §7) loses it, and the handler is never woken for it, even after the full drain.
 */
import { describe, expect, test } from 'vitest';
import { ReferenceDevice } from '../../../protocols/controller/designs/reference/referenceDevice.ts';
import { SMALL } from '../../../protocols/controller/model/config/config.ts';
import {
  drainSubject,
  HANDLED,
  handlerTask,
  type SystemEvent,
} from '../../../protocols/wakeup/model/index.ts';
import { SoftwareRuntime } from '../../../protocols/wakeup/runtime/index.ts';
import { ModelDevice } from './modelDevice.ts';

const cfg = SMALL;
const HANDLER = handlerTask(1); // process 0's handler of device 1, blocked on it since start-up

/** Runs `events` then the §6 drain on `rt`, counting interrupts on line 1 and completed runs of its handler. */
function scenario(rt: SoftwareRuntime, events: readonly SystemEvent[]) {
  let interrupts = 0;
  let runs = 0;
  const apply = (e: SystemEvent) => {
    const r = rt.apply(e);
    if (r.kind === 'accepted' && e.type === 'Irq' && e.line === 1) interrupts++;
    if (r.kind === 'accepted' && e.type === 'HartPoll' && r.task === HANDLER) runs++;
    return r;
  };
  for (const e of events) expect(apply(e).kind, e.type).toBe('accepted');
  const d = drainSubject(cfg, { state: () => rt.abs(), apply });
  return { interrupts, runs, drained: d.reachedQuiescence, state: rt.abs() };
}

/** The handler is woken, dequeued and handles; a second interrupt arrives before it re-registers. */
const DURING_RETURN: SystemEvent[] = [
  { type: 'Irq', line: 1 },
  { type: 'HartFetch', hart: 0 },
  { type: 'HartPoll', hart: 0, outcome: HANDLED },
  { type: 'Irq', line: 1 }, // the hart no longer runs the handler, which has not re-registered yet
  { type: 'HartReturn', hart: 0 },
];
/** The same, with the second interrupt while the handler is still being polled. */
const DURING_POLL: SystemEvent[] = [
  { type: 'Irq', line: 1 },
  { type: 'HartFetch', hart: 0 },
  { type: 'Irq', line: 1 },
  { type: 'HartPoll', hart: 0, outcome: HANDLED },
  { type: 'HartReturn', hart: 0 },
];

describe('an interrupt while its handler runs', () => {
  test.each([
    ['between poll and re-registration', DURING_RETURN],
    ['during the poll', DURING_POLL],
  ])('%s: the reference counts it and wakes the handler again', (_n, events) => {
    const rt = new SoftwareRuntime(cfg, new ReferenceDevice(cfg));
    const r = scenario(rt, events);
    expect(r.drained).toBe(true);
    // Counted while nobody waited, consumed at re-registration: the handler ran once per interrupt.
    expect(r.interrupts).toBe(2);
    expect(r.runs).toBe(2);
    expect(r.state.ctrl.irqPending[1]).toBe(0);
    expect(r.state.ctrl.irqWait[1]).toEqual([{ p: 0, task: HANDLER }]);
  });

  test.each([
    ['between poll and re-registration', DURING_RETURN],
    ['during the poll', DURING_POLL],
  ])('%s: a device that drops unwaited interrupts loses it for good', (_n, events) => {
    const device = new ModelDevice(cfg, { dropUnwaited: true });
    const rt = new SoftwareRuntime(cfg, device);
    const r = scenario(rt, events);
    expect(device.dropped).toBe(1);
    // The drain reaches quiescence, but the handler waits for an interrupt that already happened.
    expect(r.drained).toBe(true);
    expect(r.interrupts).toBe(2);
    expect(r.runs).toBe(1);
    expect(r.state.ctrl.irqPending[1]).toBe(0);
    expect(r.state.ctrl.irqWait[1]).toEqual([{ p: 0, task: HANDLER }]);
    expect(r.state.tasks[Number(HANDLER) - 1]?.life).toBe('blocked');
  });
});
