/**
 * Timelines without a browser: the lanes of an event per protocol, only used lanes kept in the
 * adapter's order, the failing step found, every saved trace drawn (each step a mark, the failure
 * at the step the trace records), untrusted text escaped in the page, atomic writes, and the
 * one-line errors of the commands.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../pictures/html/escapeHtml.ts';
import { timelineOf } from '../../pictures/timeline/timelineOf.ts';
import { timelinePage } from '../../pictures/timeline/timelinePage.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../protocols/controller/model/decode.ts';
import {
  BUS_LANE,
  CONTROLLER_LANES,
  controllerEventLanes,
} from '../../protocols/controller/pictures/controllerLanes.ts';
import { protocolNames } from '../../protocols/index.ts';
import { parseTrace, readTrace } from '../../protocols/readTrace.ts';
import { findProperty } from '../../protocols/registry.ts';
import { UIPI_SMALL } from '../../protocols/uipi/model/config.ts';
import { initialUipi } from '../../protocols/uipi/model/state.ts';
import { UIPI_LANES, uipiEventLanes } from '../../protocols/uipi/pictures/uipiLanes.ts';
import { initialSystem } from '../../protocols/wakeup/model/boot.ts';
import { wakeupEventLanes } from '../../protocols/wakeup/pictures/wakeupLanes.ts';
import { writeTextAtomic } from '../../traces/writeTextAtomic.ts';
import { ROOT, runCli, tempDir } from '../cli/runCli.ts';
import { replayOn } from '../traces/replayOn.ts';
import { writeUipiCounterexample } from './support/uipiCounterexample.ts';

const SAVED = join(ROOT, 'traces', 'saved');
const saved = readdirSync(SAVED).filter((f) => f.endsWith('.itf.json'));

describe('the lanes of an event', () => {
  it('controller: the page accessed, the line, the IPC target; a wrong address on no page', () => {
    expect(controllerEventLanes(SMALL, { type: 'Irq', line: 1 })).toEqual(['device:1']);
    expect(controllerEventLanes(SMALL, { type: 'IrqRegister', p: 1, device: 0, task: 3n })).toEqual([
      'process:1',
      'device:0',
    ]);
    expect(controllerEventLanes(SMALL, { type: 'IpcSend', p: 0, ipcType: 1, target: 1 })).toEqual([
      'process:0',
      'process:1',
    ]);
    expect(controllerEventLanes(SMALL, { type: 'Read', addr: 0n })).toEqual([BUS_LANE]);
    expect(
      controllerEventLanes(SMALL, { type: 'Write', addr: registerAddress(SMALL, 1, 'DEQUEUE'), data: 0n }),
    ).toEqual(['process:1']);
  });

  it('wakeup: a hart step on its hart and the process it runs; a blocking poll also on its line', () => {
    const s = initialSystem(SMALL);
    const p = s.harts[0]?.p ?? -1;
    expect(wakeupEventLanes({ type: 'HartFetch', hart: 0 }, s)).toEqual(['hart:0', `process:${p}`]);
    expect(
      wakeupEventLanes({ type: 'HartPoll', hart: 1, outcome: { kind: 'block', device: 1 } }, s).slice(-1),
    ).toEqual(['device:1']);
    expect(wakeupEventLanes({ type: 'Spawn', p: 1, prio: 0 }, s)).toEqual(['process:1']);
  });

  it('uipi: a send on its sender and target receiver; a CPU step also on the receiver it runs; a receiver step also on its CPU', () => {
    const s = initialUipi(UIPI_SMALL);
    expect(uipiEventLanes(UIPI_SMALL, { type: 'Send', sender: 1, index: 0 }, s)).toEqual([
      'sender:1',
      'receiver:0',
    ]);
    expect(uipiEventLanes(UIPI_SMALL, { type: 'Accept', cpu: 0, vector: 0xec }, s)).toEqual([
      'cpu:0',
      'receiver:0',
    ]);
    expect(uipiEventLanes(UIPI_SMALL, { type: 'NotifyDrain', cpu: 1 }, s)).toEqual(['cpu:1']);
    expect(uipiEventLanes(UIPI_SMALL, { type: 'Clui', receiver: 0 }, s)).toEqual(['receiver:0', 'cpu:0']);
    expect(uipiEventLanes(UIPI_SMALL, { type: 'SendIpi', sender: 0 }, s)).toEqual(['sender:0']);
    const held = {
      ...s,
      senders: [
        { valid: 3, held: 1 * 256 + 0xec },
        { valid: 3, held: -1 },
      ],
    };
    expect(uipiEventLanes(UIPI_SMALL, { type: 'SendIpi', sender: 0 }, held)).toEqual(['sender:0', 'cpu:1']);
    expect(UIPI_LANES.lanes(UIPI_SMALL).map((l) => l.id)).toEqual([
      'cpu:0',
      'cpu:1',
      'receiver:0',
      'sender:0',
      'sender:1',
    ]);
    const rows = UIPI_LANES.queues(UIPI_SMALL, s).map((q) => `${q.label}: ${q.items.join(' ')}`);
    expect(rows).toContain('UPID 0: ON 0 SN 0 NV 0xec NDST 0 PIR {}');
    expect(rows).toContain('receiver 0: user on cpu 0 UIRR {} UIF 1 UINV 0xec');
    expect(rows).toContain('cpu 1 pending: idle');
  });

  it('uipi: a counterexample trace replayed and drawn, the failure at its recorded step', () => {
    const dir = tempDir();
    const trace = readTrace(writeUipiCounterexample(dir));
    const parsed = trace.header;
    const t = replayOn(trace).timeline(findProperty);
    expect(t.lanes.map((l) => l.group)).toContain('cpu');
    expect(t.lanes.map((l) => l.group)).toContain('receiver');
    expect(t.lanes.map((l) => l.group)).toContain('sender');
    expect(
      t.steps.every((s) => s.lanes.length > 0 && s.lanes.every((l) => t.lanes.some((x) => x.id === l))),
    ).toBe(true);
    expect(t.failure?.property).toBe('uipiPriority');
    expect(t.failure?.explanation.some((l) => l.includes('(U7)'))).toBe(true);
    expect(t.steps[t.failure?.at ?? -1]?.index).toBe(parsed.meta.failingStep);
    expect(t.steps[0]?.queues.some((q) => q.label === 'UPID 0')).toBe(true);
    const html = timelinePage(t);
    expect(html.match(/<g class="mark/g)?.length).toBe(t.steps.length);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps only the lanes some event touches, in the adapter order, and finds the failing step', () => {
    const empty = initialSystem(SMALL).ctrl;
    const t = timelineOf(CONTROLLER_LANES, {
      cfg: SMALL,
      title: 't',
      facts: [],
      initial: empty,
      steps: [
        {
          index: 0,
          event: { type: 'Irq', line: 1 },
          state: empty,
          outcome: 'ack',
          drain: false,
        },
        {
          index: 1,
          event: { type: 'Dequeue', p: 0 },
          state: empty,
          outcome: '0x0',
          drain: false,
        },
      ],
      verdict: 'v',
      failure: { property: 'p', message: 'm', step: 1, explanation: [], expectedActual: [] },
    });
    expect(t.lanes.map((l) => l.id)).toEqual(['process:0', 'device:1']);
    expect(t.failure?.at).toBe(1);
    expect(t.steps[0]?.args).toEqual([['line', '1']]);
  });
});

describe('every saved trace as a timeline', () => {
  it.each(saved)('%s: a mark per step, the recorded failure at its step', (f) => {
    const trace = readTrace(join(SAVED, f));
    const parsed = trace.header;
    const t = replayOn(trace).timeline(findProperty);
    expect(t.steps.length).toBeGreaterThan(0);
    expect(
      t.steps.every((s) => s.lanes.length > 0 && s.lanes.every((l) => t.lanes.some((x) => x.id === l))),
    ).toBe(true);
    expect(t.failure?.property).toBe(parsed.meta.property);
    const at = t.failure?.at ?? -1;
    if (at >= 0) expect(t.steps[at]?.index).toBe(parsed.meta.failingStep);
    const html = timelinePage(t);
    expect(html.match(/<g class="mark/g)?.length).toBe(t.steps.length);
    expect(html).not.toMatch(/\s(?:src|href)=/); // nothing loads from anywhere
  });
});

describe('untrusted text in pages', () => {
  it('escapes markup, and data for the script cannot close its element', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    const nasty = { s: '</script><!-- <script>alert(1)</script> \u2028' };
    const text = jsonForScript(nasty);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(nasty);
  });

  it('a trace with markup in its note, property and message gives a page with none of it as markup', () => {
    const json = JSON.parse(
      readFileSync(join(SAVED, 'wakeup--ats-intc-qemu--noLostWakeup.itf.json'), 'utf8'),
    ) as {
      '#meta': Record<string, unknown>;
    };
    json['#meta'].note = '<script>alert(1)</script>';
    json['#meta'].property = '<img src=x onerror=alert(2)>';
    json['#meta'].message = '</script><script>alert(3)</script>';
    const trace = parseTrace(JSON.stringify(json), '<b>evil</b>.itf.json');
    const html = timelinePage(replayOn(trace, 'ats-intc-qemu').timeline(findProperty));
    expect(html).not.toContain('alert(1)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>evil');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script/g)?.length).toBe(2);
  });
});

describe('writing pages and the commands around them', () => {
  it('writes atomically: the page appears whole and no temporary file is left', () => {
    const dir = tempDir();
    const file = join(dir, 'sub', 'page.html');
    writeTextAtomic(file, 'one');
    writeTextAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['page.html']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('bad options and unwritable files are one line and exit 2', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    const trace = join(SAVED, 'controller--ats-intc-qemu--noLostWakeup.itf.json');
    const runs = await Promise.all([
      runCli(['replay', trace, '--html', join(blocker, 'x.html')]),
      runCli(['diagram', '--protocol', 'controller', '--format', 'png']),
      runCli(['diagram', '--protocol', 'nope']),
      runCli(['diagram', '--protocol', 'controller', '--format', 'dot', '--out', join(dir, 'c.dot')]),
    ]);
    const [html, format, protocol, dot] = runs;
    expect(html?.code).toBe(2);
    expect(html?.stderr.trim()).toMatch(/^intcheck: --html: cannot write .*x\.html \((?:ENOTDIR|EEXIST)\)$/);
    expect(format?.code).toBe(2);
    expect(format?.stderr.trim()).toBe('intcheck: --format: unknown format "png" (known: mermaid, dot, svg)');
    expect(protocol?.code).toBe(2);
    expect(protocol?.stderr.trim()).toBe(
      `intcheck: --protocol: unknown protocol "nope" (known: ${protocolNames().join(', ')})`,
    );
    expect(dot?.code).toBe(0);
    expect(existsSync(join(dir, 'c.dot'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
