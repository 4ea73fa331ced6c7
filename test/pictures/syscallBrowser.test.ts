/**
 * A syscall counterexample's timeline in headless Chromium, made by `intcheck replay --html` as a
 * user would: kernel, coroutine and ring lanes, the wrong wake highlighted, a click showing the
 * ring slots and agent phases after the step, a hover showing the event; and a syscall check
 * report with its coverage and the failure's timeline. Screenshots in out/screenshots/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../cli/runCli.ts';
import { type Browser, openFile, startBrowser } from './support/browser.ts';
import { checkTimeline } from './support/checkTimeline.ts';

const SHOTS = join(ROOT, 'out', 'screenshots');
const TRACE = join(ROOT, 'traces', 'saved', 'syscall--reply-to-queue-head--replyRouting.itf.json');

let browser: Browser | undefined;
let browserError: Error | undefined;
const dir = tempDir();
const page = join(dir, 'syscall.html');
const report = join(dir, 'report.html');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const runs = await Promise.all([
    runCli(['replay', TRACE, '--html', page]),
    runCli([
      'check',
      '--protocol',
      'syscall',
      '--mutant',
      'kernel-frees-slot',
      '--preset',
      'small',
      '--out',
      dir,
      '--report',
      report,
    ]),
  ]);
  expect(runs.map((r) => r.code)).toEqual([1, 1]); // each still fails
  try {
    browser = await startBrowser();
  } catch (e) {
    browserError = e instanceof Error ? e : new Error(String(e));
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a syscall timeline in headless Chromium', () => {
  it('the wrong wake highlighted on the reply dispatcher, ring slots and agents in the queue view', async () => {
    if (browser === undefined) throw browserError ?? new Error('no browser');
    const { page: p, errors } = await openFile(browser, page);
    await checkTimeline(
      p,
      '#timeline-0',
      ['kernel (p0)', 'p0.service0', 'p1.reply0', 'ring p1'],
      'replyRouting',
    );
    // The failing step is selected again: its queue view lists the ring and every agent.
    await p.locator('#timeline-0 .steps tr.failing').click();
    const queues = (await p.locator('#timeline-0 .queue-view').textContent()) ?? '';
    expect(queues).toContain('ring p1 (head');
    expect(queues).toContain('TAKEN req 2 of p1.caller1');
    expect(queues).toContain('p1.caller1');
    expect(await p.locator('#timeline-0 svg .drain-band').count()).toBe(1);
    await p.screenshot({ path: join(SHOTS, 'replay-syscall.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('a syscall check report: coverage of events, refusals, agent phases and slots, and the failure drawn', async () => {
    if (browser === undefined) throw browserError ?? new Error('no browser');
    const { page: p, errors } = await openFile(browser, report);
    expect(await p.locator('#verdict').textContent()).toContain('fails');
    expect(await p.locator('tr.coverage-row[data-group="event"]').count()).toBe(12);
    expect(await p.locator('tr.coverage-row[data-group="agent state"]').count()).toBe(12);
    expect(await p.locator('tr.coverage-row[data-group="slot state"]').count()).toBe(5);
    expect(
      await p.locator('tr.coverage-row[data-group="event"][data-name="Call"] td.num').textContent(),
    ).not.toBe('0');
    await checkTimeline(p, '.timeline', ['p0.service0', 'ring p1'], 'requestConservation');
    await p.screenshot({ path: join(SHOTS, 'check-report-syscall.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
