/**
 * The published designs under the wakeup protocol (spec/controller.md §7, research/ats-intc.md
 * §4.1, §6.1): run by the software runtime, `ats-intc-qemu` and `ats-intc-chisel` lose wakeups.
 * An interrupt that arrives while its handler runs (it re-registers only after handling) finds
 * nobody waiting and is neither counted nor remembered; Chisel also loses the second of two
 * interrupts behind its closed gateway, and QEMU never wakes a waiter of another process than 0.
 * A check at the pinned seed finds each within a second, shrunk to the two interrupts, while the
 * reference passes the same storms.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, test } from 'vitest';
import { atsIntcChisel } from '../../../protocols/controller/designs/ats-intc-chisel/atsIntcChisel.ts';
import { atsIntcQemu } from '../../../protocols/controller/designs/ats-intc-qemu/atsIntcQemu.ts';
import type { ControllerImpl } from '../../../protocols/controller/designs/device.ts';
import { referenceImpl } from '../../../protocols/controller/designs/reference/index.ts';
import { supportedConfig } from '../../../protocols/controller/designs/supportedConfig.ts';
import { PUBLISHED, SMALL } from '../../../protocols/controller/model/config/config.ts';
import { checkWakeup } from '../../../protocols/wakeup/engine/checkWakeup.ts';
import { runWakeup } from '../../../protocols/wakeup/engine/runWakeup.ts';
import { formatSystemEvent, HANDLED, type SystemEvent } from '../../../protocols/wakeup/model/index.ts';
import { runs, SEED } from '../../support/seed.ts';

const LOST = ['noLostWakeup', 'noLostWakeupEventually'];
const DESIGNS: readonly (readonly [string, ControllerImpl])[] = [
  ['ats-intc-qemu', atsIntcQemu],
  ['ats-intc-chisel', atsIntcChisel],
];
const PRESETS = [
  ['small', SMALL],
  ['published', PUBLISHED],
] as const;
/** The storms the reference must pass at each preset (the published designs fail on the first few). */
const BUDGET = 300;

const irq = (line: number): SystemEvent => ({ type: 'Irq', line });
const fetch = (hart: number): SystemEvent => ({ type: 'HartFetch', hart });
const ret = (hart: number): SystemEvent => ({ type: 'HartReturn', hart });

describe.each(DESIGNS)('%s loses wakeups under interrupt storms', (_name, impl) => {
  test.each(PRESETS)('%s: the default check finds a lost wakeup within a second, shrunk', (_p, cfg) => {
    for (const focus of [undefined, ['noLostWakeupEventually'], ['noLostWakeup']]) {
      const t0 = performance.now();
      const r = checkWakeup({
        cfg,
        impl,
        runs: runs(BUDGET),
        seed: SEED,
        ...(focus ? { properties: focus } : {}),
      });
      const ms = performance.now() - t0;
      if (r.ok) return expect.fail(`no lost wakeup in ${r.runs} storms`);
      const shown = r.counterexample.map(formatSystemEvent).join(', ');
      expect(focus ?? LOST, shown).toContain(r.failure.violation.property);
      expect(ms, `${focus?.[0] ?? 'all'}: ${ms.toFixed(0)} ms`).toBeLessThan(1000);
      // Shrunk to the heart of it: the second interrupt comes before the handler re-registers.
      expect(r.counterexample).toEqual([irq(0), irq(0)]);
      expect(r.shrunkLength).toBeGreaterThanOrEqual(r.counterexample.length);
      expect(r.failure.violation.message).toMatch(/found nobody waiting|still waits for line 0/);
    }
  });

  test.each(PRESETS)('%s: the reference passes the same storms', (_p, cfg) => {
    const r = checkWakeup({
      cfg: supportedConfig(cfg, impl),
      impl: referenceImpl,
      runs: runs(BUDGET),
      seed: SEED,
    });
    expect(r.ok).toBe(true);
  });

  test('the liveness failure comes after the drain: the handler ran once for two interrupts', () => {
    const cfg = supportedConfig(SMALL, impl);
    const r = runWakeup(cfg, impl, [irq(0), irq(0)], { properties: ['noLostWakeupEventually'] });
    if (r.ok) return expect.fail('no lost wakeup');
    expect(r.phase).toBe('quiescence');
    expect(r.recorded.filter((s) => s.phase === 'drain').map((s) => formatSystemEvent(s.event))).toContain(
      'HartPoll(hart=0, handled)',
    );
    expect(r.final.ctrl.irqWait[0]).toEqual([{ p: 0, task: 1n }]);
  });
});

describe('how each design loses them (hand-written runs)', () => {
  test('the handler window: an interrupt after the poll, before IRQ_REGISTER, is dropped by both', () => {
    const events = [
      irq(0),
      fetch(0),
      { type: 'HartPoll', hart: 0, outcome: HANDLED } as const,
      irq(0),
      ret(0),
    ];
    for (const [, impl] of DESIGNS) {
      const r = runWakeup(supportedConfig(SMALL, impl), impl, events);
      if (r.ok) return expect.fail(`${impl.name} kept it`);
      expect(r.violation).toMatchObject({ property: 'noLostWakeup', step: 3 });
    }
    expect(runWakeup(SMALL, referenceImpl, events).ok).toBe(true);
  });

  test('ats-intc-chisel: with two waiters, the second interrupt is lost behind the closed gateway', () => {
    const cfg = supportedConfig(SMALL, atsIntcChisel);
    const events: SystemEvent[] = [
      { type: 'Spawn', p: 0, prio: 0 },
      fetch(0),
      { type: 'HartPoll', hart: 0, outcome: { kind: 'block', device: 0 } },
      ret(0), // irqWait[0] = [handler 0x1, task 0x3]; the registration re-opened the gateway
      irq(0), // wakes 0x1 and closes the gateway
      irq(0), // lost: 0x3 still waits
    ];
    const r = runWakeup(cfg, atsIntcChisel, events);
    if (r.ok) return expect.fail('the gateway kept it');
    expect(r.violation).toMatchObject({ property: 'noLostWakeup', step: 5 });
    expect(r.violation.message).toContain('found 1 waiting and woke none');
    expect(runWakeup(cfg, referenceImpl, events).ok).toBe(true);
  });

  test('ats-intc-qemu: a waiter of process 1 is never woken', () => {
    const events: SystemEvent[] = [
      { type: 'StatusWrite', p: 1, data: 1n },
      { type: 'Spawn', p: 1, prio: 0 },
      { type: 'HartSwitch', hart: 0, p: 1 },
      fetch(0),
      { type: 'HartPoll', hart: 0, outcome: { kind: 'block', device: 1 } },
      ret(0), // task 0x3 of process 1 waits for line 1, behind process 0's handler 0x2
      irq(1), // wakes the handler
      irq(1), // pops process 0's empty queue: 0x3 is never woken
    ];
    const r = runWakeup(SMALL, atsIntcQemu, events, { properties: ['noLostWakeupEventually'] });
    if (r.ok) return expect.fail('process 1 was woken');
    expect(r.violation.message).toContain('task 0x3 (process 1, priority 0) still wait for line 1');
    expect(runWakeup(SMALL, referenceImpl, events).ok).toBe(true);
  });
});
