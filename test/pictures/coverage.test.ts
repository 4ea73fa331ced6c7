/**
 * Coverage counting: each step lands on the event kind and the machine branch it takes, the
 * counters add up to the events the check reports, workers count exactly what one thread
 * counts, and counting changes no verdict.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../engine/coverage/coverage.ts';
import { referenceImpl } from '../../protocols/controller/designs/reference/index.ts';
import { checkController } from '../../protocols/controller/engine/checkController.ts';
import { checkControllerParallel } from '../../protocols/controller/engine/checkControllerParallel.ts';
import {
  controllerCoverage,
  countControllerStep,
} from '../../protocols/controller/engine/controllerCoverage.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../protocols/controller/model/events.ts';
import { initialState } from '../../protocols/controller/model/state.ts';
import { step } from '../../protocols/controller/model/step.ts';
import { CONTROLLER_MUTANTS } from '../../protocols/controller/mutants/controllerMutants.ts';
import { checkUipi } from '../../protocols/uipi/engine/checkUipi.ts';
import { countUipiStep, uipiCoverage } from '../../protocols/uipi/engine/uipiCoverage.ts';
import { UIPI_SMALL } from '../../protocols/uipi/model/config.ts';
import { initialUipi } from '../../protocols/uipi/model/state.ts';
import { checkWakeup } from '../../protocols/wakeup/engine/checkWakeup.ts';
import { wakeupCoverage } from '../../protocols/wakeup/engine/wakeupCoverage.ts';
import { runCli, tempDir } from '../cli/runCli.ts';
import { SEED } from '../support/seed.ts';

/** The count of row `name` in `group`. */
function count(cov: Coverage, group: string, name: string): number {
  const i = cov.rows.findIndex((r) => r.group === group && r.name === name);
  if (i < 0) throw new Error(`no row ${group}/${name}`);
  return cov.counts[i] ?? 0;
}

function sum(cov: Coverage, group: string): number {
  return cov.rows.reduce((s, r, i) => s + (r.group === group ? (cov.counts[i] ?? 0) : 0), 0);
}

describe('controller coverage', () => {
  it('counts each step on its event kind and on the branch the machine takes', () => {
    const cfg = { ...SMALL, capacity: 1 };
    const cov = controllerCoverage();
    const events: ControllerEvent[] = [
      { type: 'Enqueue', p: 0, prio: 0, task: 1n },
      { type: 'Enqueue', p: 0, prio: 0, task: 2n }, // p0 holds C = 1 task: QUEUE_FULL
      { type: 'Write', addr: registerAddress(cfg, 0, 'ENQUEUE', 1), data: 3n }, // raises Enqueue: full again
      { type: 'Read', addr: cfg.base + 4n }, // unaligned: BAD_ACCESS
      { type: 'Irq', line: 1 },
    ];
    let s = initialState(cfg);
    for (const e of events) {
      countControllerStep(cov, cfg, s, e);
      s = step(cfg, s, e).state;
    }
    expect(count(cov, 'event', 'Enqueue')).toBe(2);
    expect(count(cov, 'transition', 'Enqueue / enqueue')).toBe(1);
    expect(count(cov, 'transition', 'Enqueue [queueFull] / refuseQueueFull')).toBe(2);
    expect(count(cov, 'transition', 'Write / raiseOperation')).toBe(1);
    expect(count(cov, 'transition', 'Read [badAccess] / flagBadAccess')).toBe(1);
    expect(count(cov, 'transition', 'Irq / countIrq')).toBe(1);
    expect(count(cov, 'state', 'running')).toBe(events.length);
    expect(sum(cov, 'event')).toBe(events.length);
  });

  it("adds up to the check's events; workers count what one thread counts; the verdict is unchanged", async () => {
    const base = { cfg: SMALL, impl: referenceImpl, runs: 100, seed: SEED };
    const one = controllerCoverage();
    const r1 = checkController({ ...base, coverage: one });
    expect(r1.ok).toBe(true);
    expect(sum(one, 'event')).toBe(r1.events);
    expect(checkController(base)).toEqual(r1);
    const two = controllerCoverage();
    const r2 = await checkControllerParallel({ ...base, coverage: two }, 2);
    expect(r2).toEqual(r1);
    expect(Array.from(two.counts)).toEqual(Array.from(one.counts));
  }, 60_000);

  it('stops counting at the first failure: shrinking is not counted', () => {
    const impl = CONTROLLER_MUTANTS.find((m) => m.name === 'priority-index-wraps');
    if (impl === undefined) throw new Error('mutant missing');
    const cov = controllerCoverage();
    const r = checkController({ cfg: SMALL, impl, runs: 200, seed: SEED, coverage: cov });
    expect(r.ok).toBe(false);
    expect(cov.live).toBe(false);
    // The failing storm stops at its failing step, so at most its events were counted.
    expect(sum(cov, 'event')).toBeLessThanOrEqual(r.events);
    expect(sum(cov, 'event')).toBeGreaterThan(0);
  });
});

describe('wakeup coverage', () => {
  it('counts storm and drain steps, accepted and refused, and the states every hart and task is in', () => {
    const cov = wakeupCoverage();
    const r = checkWakeup({ cfg: SMALL, impl: undefined, runs: 50, seed: SEED, coverage: cov });
    expect(r.ok).toBe(true);
    const accepted = sum(cov, 'event');
    // Every storm event is counted, accepted or refused; the drain adds accepted steps.
    expect(accepted + sum(cov, 'event refused')).toBeGreaterThanOrEqual(r.events);
    expect(sum(cov, 'hart state')).toBe(accepted * SMALL.harts);
    expect(sum(cov, 'task state')).toBe(accepted * SMALL.taskPool);
    expect(sum(cov, 'poll outcome')).toBe(count(cov, 'event', 'HartPoll'));
    expect(count(cov, 'hart state', 'wedged')).toBe(0); // the model never wedges
    expect(count(cov, 'task state', 'blocked')).toBeGreaterThan(0);
  });
});

describe('uipi coverage', () => {
  it('counts a refused step on its kind only, an accepted one on its kind, every receiver and every CPU', () => {
    const cov = uipiCoverage();
    const s = initialUipi(UIPI_SMALL);
    countUipiStep(cov, { type: 'NotifyDrain', cpu: 0 }, false, s);
    countUipiStep(cov, { type: 'Clui', receiver: 0 }, true, s);
    expect(count(cov, 'event refused', 'NotifyDrain')).toBe(1);
    expect(count(cov, 'event', 'Clui')).toBe(1);
    expect(count(cov, 'receiver state', 'user')).toBe(1);
    expect([count(cov, 'cpu state', 'running'), count(cov, 'cpu state', 'idle')]).toEqual([1, 1]);
  });

  it('counts storm and drain steps, and the state every receiver and CPU is in after each', () => {
    const cov = uipiCoverage();
    const r = checkUipi({ cfg: UIPI_SMALL, impl: undefined, runs: 50, seed: SEED, coverage: cov });
    expect(r.ok).toBe(true);
    const accepted = sum(cov, 'event');
    expect(accepted + sum(cov, 'event refused')).toBeGreaterThanOrEqual(r.events);
    expect(sum(cov, 'receiver state')).toBe(accepted * UIPI_SMALL.receivers);
    expect(sum(cov, 'cpu state')).toBe(accepted * UIPI_SMALL.cpus);
    expect(count(cov, 'event', 'Deliver')).toBeGreaterThan(0);
    expect(count(cov, 'receiver state', 'waiting')).toBeGreaterThan(0);
    expect(count(cov, 'event', 'TimerTick')).toBe(0); // no timer outside Skyloft
  });

  it('check --protocol uipi --report: coverage rows and the failure drawn on UIPI lanes', async () => {
    const dir = tempDir();
    const page = join(dir, 'report.html');
    const r = await runCli([
      'check',
      '--protocol',
      'uipi',
      '--mutant',
      'deliver-lowest',
      '--preset',
      'small',
      '--out',
      dir,
      '--report',
      page,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`report: ${page}`);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('data-group="receiver state"');
    expect(html).toContain('data-name="SwitchInCheckPir"');
    expect(html).toContain('receiver 0');
    expect(html).toMatch(/<g class="mark/);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
