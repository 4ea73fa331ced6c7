/**
 * The generated pages in a real browser (headless Chromium): a replay timeline of a controller,
 * a wakeup and a UIPI counterexample, a check report with its embedded failure timeline, and a
 * diagram. Lanes, marks and the highlighted failing step are there, clicking a step updates the
 * queue view, hovering a mark shows its arguments, nothing logs an error or touches the
 * network; a trace whose texts carry markup and script shows them as text and runs nothing.
 * Screenshots go to out/screenshots/ (git-ignored).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDiagram } from '../../pictures/diagram/renderDiagram.ts';
import { timelinePage } from '../../pictures/timeline/timelinePage.ts';
import { protocolNamed } from '../../protocols/index.ts';
import { readTrace } from '../../protocols/readTrace.ts';
import { findProperty } from '../../protocols/registry.ts';
import { writeTextAtomic } from '../../traces/writeTextAtomic.ts';
import { ROOT, runCli, tempDir } from '../cli/runCli.ts';
import { replayOn } from '../traces/replayOn.ts';
import { type Browser, type OpenedPage, openFile, startBrowser } from './support/browser.ts';
import { checkTimeline } from './support/checkTimeline.ts';
import { writeUipiCounterexample } from './support/uipiCounterexample.ts';

const SHOTS = join(ROOT, 'out', 'screenshots');
const SAVED = join(ROOT, 'traces', 'saved');
const WAKEUP_TRACE = join(SAVED, 'wakeup--ats-intc-qemu--noLostWakeup.itf.json');
const CONTROLLER_TRACE = join(SAVED, 'controller--ats-intc-chisel--neverStalls.itf.json');
const EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

let browser: Browser | undefined;
let browserError: Error | undefined;
const dir = tempDir();
const page = {
  wakeup: join(dir, 'wakeup.html'),
  controller: join(dir, 'controller.html'),
  uipi: join(dir, 'uipi.html'),
  report: join(dir, 'report.html'),
  evil: join(dir, 'evil.html'),
  diagram: join(dir, 'wakeup.svg'),
};

/** A saved trace with markup and script in every free-text field and in its file name. */
function evilTrace(): string {
  const json = JSON.parse(readFileSync(WAKEUP_TRACE, 'utf8')) as { '#meta': Record<string, unknown> };
  json['#meta'].note = EVIL;
  json['#meta'].property = '<b id="injected">noLostWakeup</b>';
  json['#meta'].message = '</script><script>window.__pwned=3</script>';
  json['#meta'].implementation = '<iframe src="https://example.com/"></iframe>';
  const file = join(dir, '<img src=x onerror=window.__pwned=4>.itf.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const runs = await Promise.all([
    runCli(['replay', WAKEUP_TRACE, '--html', page.wakeup]),
    runCli(['replay', evilTrace(), '--impl', 'ats-intc-qemu', '--html', page.evil]),
    runCli(['replay', writeUipiCounterexample(dir), '--html', page.uipi]),
    runCli([
      'check',
      '--protocol',
      'wakeup',
      '--mutant',
      'skip-reregister',
      '--preset',
      'small',
      '--out',
      dir,
      '--report',
      page.report,
    ]),
  ]);
  // Each counterexample still fails (exit 1).
  expect(runs.map((r) => r.code)).toEqual([1, 1, 1, 1]);
  // The other pages are made in this process (the CLI's part is the same as above).
  writeTextAtomic(
    page.controller,
    timelinePage(replayOn(readTrace(CONTROLLER_TRACE)).timeline(findProperty)),
  );
  writeTextAtomic(page.diagram, renderDiagram(protocolNamed('wakeup').machine(), 'svg'));
  // A missing browser fails every test below with the reason (not a silent skip).
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

async function open(file: string): Promise<OpenedPage> {
  if (browser === undefined) throw browserError ?? new Error('no browser');
  return openFile(browser, file);
}

describe('generated pages in headless Chromium', () => {
  it('finds Chromium to open the pages in', () => {
    expect(browserError?.message).toBeUndefined();
  });

  it("a wakeup replay timeline: the published design's lost wakeup highlighted on its line", async () => {
    const { page: p, errors } = await open(page.wakeup);
    await checkTimeline(p, '#timeline-0', ['line 0'], 'noLostWakeup');
    await p.screenshot({ path: join(SHOTS, 'replay-wakeup.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('a controller replay timeline: process lanes, the stall highlighted with expected beside actual', async () => {
    const { page: p, errors } = await open(page.controller);
    await checkTimeline(p, '#timeline-0', ['process 0'], 'neverStalls');
    expect(await p.locator('.failure table').count()).toBe(1);
    await p.screenshot({ path: join(SHOTS, 'replay-controller.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('a UIPI replay timeline: CPU, receiver and sender lanes, the out-of-order delivery highlighted, the UPID in the queue view', async () => {
    const { page: p, errors } = await open(page.uipi);
    await checkTimeline(p, '#timeline-0', ['cpu 0', 'receiver 0'], 'uipiPriority');
    expect(await p.locator('#timeline-0 .queue-view').textContent()).toContain('UPID 0');
    await p.screenshot({ path: join(SHOTS, 'replay-uipi.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('a check report: verdict, coverage tables and the embedded timeline of the failure (hart, process and line lanes, drain band)', async () => {
    const { page: p, errors } = await open(page.report);
    expect(await p.locator('#verdict').textContent()).toContain('fails');
    expect(await p.locator('table.properties tr.failing').count()).toBe(1);
    const events = p.locator('tr.coverage-row[data-group="event"]');
    expect(await events.count()).toBe(8);
    expect(
      await p.locator('tr.coverage-row[data-group="event"][data-name="Irq"] td.num').textContent(),
    ).not.toBe('0');
    expect(await p.locator('tr.coverage-row[data-group="hart state"]').count()).toBe(5);
    await checkTimeline(p, '.timeline', ['hart 0', 'process 0', 'line 0'], 'systemRefinement');
    expect(await p.locator('.timeline svg .drain-band').count()).toBe(1);
    expect(await p.locator('.timeline .steps tr.drain').count()).toBeGreaterThan(0);
    await p.screenshot({ path: join(SHOTS, 'check-report.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('a trace whose texts carry markup and script: shown as text, nothing runs', async () => {
    const { page: p, errors } = await open(page.evil);
    expect(await p.evaluate(() => Reflect.get(globalThis, '__pwned'))).toBeUndefined();
    expect(await p.locator('#injected').count()).toBe(0);
    expect(await p.locator('img, iframe').count()).toBe(0);
    expect(await p.locator('script').count()).toBe(2); // the page's own script and its data
    const text = (await p.locator('body').textContent()) ?? '';
    expect(text).toContain(EVIL);
    expect(text).toContain('<b id="injected">noLostWakeup</b>');
    expect(text).toContain('<img src=x onerror=window.__pwned=4>.itf.json');
    // The page still works: a click selects a step.
    await p.locator('svg .mark[data-step="0"]').click();
    expect(await p.locator('#timeline-0').getAttribute('data-selected')).toBe('0');
    expect(await p.evaluate(() => Reflect.get(globalThis, '__pwned'))).toBeUndefined();
    await p.screenshot({ path: join(SHOTS, 'escaping.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('a diagram in SVG: every region and state drawn', async () => {
    const { page: p, errors } = await open(page.diagram);
    const states = await p.locator('g.state text:first-of-type').allTextContents();
    for (const s of ['up', 'idle', 'fetch', 'returning', 'wedged', 'free', 'blocked', 'done'])
      expect(states).toContain(s);
    expect(await p.locator('g.transition').count()).toBeGreaterThan(5);
    await p.screenshot({ path: join(SHOTS, 'diagram-wakeup.png') });
    expect(errors).toEqual([]);
  });
});
