/**
 * Syscall timelines without a browser: an agent's step goes on its own lane, then the ring slot
 * and the process it touches; a DEQUEUE marks the coroutine it gives and a Wake the caller it
 * wakes; the queue view shows the rings' slots and every agent's phase; a saved syscall
 * counterexample is drawn with its failure at the recorded step, and `replay --html` writes it.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timelinePage } from '../../pictures/timeline/timelinePage.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { readTrace } from '../../protocols/readTrace.ts';
import { findProperty } from '../../protocols/registry.ts';
import { initialSyscall } from '../../protocols/syscall/model/boot.ts';
import type { SyscallEvent } from '../../protocols/syscall/model/events.ts';
import { layoutOf } from '../../protocols/syscall/model/layout.ts';
import type { SyscallState } from '../../protocols/syscall/model/state.ts';
import { step } from '../../protocols/syscall/model/step.ts';
import { syscallEventLanes, syscallQueues } from '../../protocols/syscall/pictures/syscallLanes.ts';
import { ROOT, runCli, tempDir } from '../cli/runCli.ts';
import { replayOn } from '../traces/replayOn.ts';

const TRACE = join(ROOT, 'traces', 'saved', 'syscall--reply-to-queue-head--replyRouting.itf.json');

/** The model's state after `events` from start-up (each must be accepted). */
function after(events: readonly SyscallEvent[]): SyscallState {
  let s = initialSyscall(SMALL);
  for (const e of events) {
    const r = step(SMALL, s, e);
    if (r.kind === 'rejected') throw new Error(`${e.type} rejected: ${r.reason}`);
    s = r.state;
  }
  return s;
}

const l = layoutOf(SMALL);
const [c0 = -1, c1 = -1] = l.callers[1] ?? [];
const s0 = l.services[0]?.[0] ?? -1;
const reply = l.reply[1] ?? -1;

/** The lanes of `e` taken by the model after `events` from start-up. */
function lanesOf(events: readonly SyscallEvent[], e: SyscallEvent): string[] {
  const before = after(events);
  const r = step(SMALL, before, e);
  return syscallEventLanes(SMALL, e, before, r.kind === 'accepted' ? r.state : before);
}

const CALL: SyscallEvent[] = [
  { type: 'Call', a: c0, target: 0 },
  { type: 'Publish', a: c0 },
  { type: 'Signal', a: c0 },
];
const SERVED: SyscallEvent[] = [
  ...CALL,
  { type: 'Fetch', p: 0 },
  { type: 'Take', a: s0 },
  { type: 'Complete', a: s0 },
];

describe('the lanes of a syscall event', () => {
  it("a caller's steps: its lane, the process its call and send name, the ring it changes", () => {
    expect(lanesOf([], { type: 'Call', a: c0, target: 0 })).toEqual([`agent:${c0}`, 'process:0', 'ring:1']);
    expect(lanesOf(CALL.slice(0, 1), { type: 'Publish', a: c0 })).toEqual([`agent:${c0}`, 'ring:1']);
    expect(lanesOf(CALL.slice(0, 2), { type: 'Signal', a: c0 })).toEqual([`agent:${c0}`, 'process:0']);
    expect(lanesOf([], { type: 'StatusWrite', p: 1, data: 0n })).toEqual(['process:1']);
  });

  it('a DEQUEUE marks the dispatcher it runs; a take the ring; a reply the process; a wake the caller', () => {
    expect(lanesOf(CALL, { type: 'Fetch', p: 0 })).toEqual(['process:0', `agent:${s0}`]);
    expect(lanesOf(SERVED.slice(0, 4), { type: 'Take', a: s0 })).toEqual([`agent:${s0}`, 'ring:1']);
    expect(lanesOf(SERVED, { type: 'Reply', a: s0 })).toEqual([`agent:${s0}`, 'process:1']);
    const replied: SyscallEvent[] = [...SERVED, { type: 'Reply', a: s0 }, { type: 'Fetch', p: 1 }];
    expect(lanesOf(replied, { type: 'Wake', a: reply })).toEqual([`agent:${reply}`, `agent:${c0}`]);
    // Nothing to dequeue: only the process.
    expect(lanesOf([], { type: 'Fetch', p: 1 })).toEqual(['process:1']);
  });

  it("the queue view: the controller's rows, each user ring's slots, each agent's phase", () => {
    const s = after([
      { type: 'Call', a: c1, target: 0 },
      { type: 'Publish', a: c1 },
    ]);
    const rows = syscallQueues(SMALL, s);
    const ring = rows.find((r) => r.label.startsWith('ring p1'));
    expect(ring?.label).toBe('ring p1 (head 0, tail 1)');
    expect(ring?.items).toEqual(['0: SUBMITTED req 1 of p1.caller1 → p0', '1: FREE']);
    expect(rows.some((r) => r.label.startsWith('ring p0'))).toBe(false); // the kernel makes no calls
    expect(rows.find((r) => r.label === 'p1.caller1')?.items).toEqual(['submitted', 'slot 0', 'req 1']);
    expect(rows.find((r) => r.label === 'p0.service0')?.items).toEqual(['waiting']);
    expect(rows.find((r) => r.label === 'online')?.items).toEqual(['p0', 'p1']);
  });
});

describe('a syscall counterexample as a timeline', () => {
  it('the wrong wake is the failing step, on the reply dispatcher and the caller it woke', () => {
    const trace = readTrace(TRACE);
    const parsed = trace.header;
    const t = replayOn(trace).timeline(findProperty);
    expect(t.failure?.property).toBe('replyRouting');
    const failing = t.steps[t.failure?.at ?? -1];
    expect(failing?.index).toBe(parsed.meta.failingStep);
    expect(failing?.kind).toBe('Wake');
    // The caller actually woken (caller 1, whose request is still being served), not the one due.
    expect(failing?.lanes).toEqual([`agent:${reply}`, `agent:${c1}`]);
    expect(failing?.outcome).toBe('Enqueue(p=1, prio=0, task=0x5) → ack');
    expect(t.steps.some((s) => s.drain)).toBe(true);
    expect(t.lanes.map((x) => x.label)).toEqual(
      expect.arrayContaining([
        'kernel (p0)',
        'p0.service0',
        'p1.reply0',
        'p1.caller0',
        'p1.caller1',
        'ring p1',
      ]),
    );
    expect(t.failure?.explanation.some((x) => x.startsWith('rule ('))).toBe(true);
    const html = timelinePage(t);
    expect(html.match(/<g class="mark/g)?.length).toBe(t.steps.length);
    // On the reference the same events pass, drawn without a failure.
    const passing = replayOn(trace, 'reference').timeline(findProperty);
    expect(passing.failure).toBeUndefined();
    expect(passing.steps.length).toBeGreaterThan(0);
  });

  it('replay --html writes the page and still exits 1', async () => {
    const dir = tempDir();
    const out = join(dir, 'syscall.html');
    const r = await runCli(['replay', TRACE, '--html', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`timeline: ${out}`);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('p1.reply0');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
