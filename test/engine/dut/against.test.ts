/**
 * `conform --dut CMD --against NAME` (issue #17 part 5): a built-in implementation predicts the
 * replies, on the part of the configuration it supports. The DUTs are the published variants
 * served as external designs that behave as a real build would (implDut.mjs): an abort kills the
 * process, a stall never answers. A run NAME ends early is counted, not judged past that step,
 * waits for no timeout, and the DUT is restarted for the next run; a design that does not behave
 * as NAME is caught; `replay --dut --against` re-runs the trace.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, test } from 'vitest';
import { readTrace } from '../../../protocols/readTrace.ts';
import { ROOT, runMain, tempDir } from './runMain.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const served = (name: string) =>
  `node ${join(ROOT, 'test', 'engine', 'dut', 'fixtures', 'implDut.mjs')} ${name}`;

interface Report {
  ok: boolean;
  against: string;
  results: {
    verdict: string;
    runs: number;
    restarts: number;
    endedEarly: { runs: number; stall: number; abort: number; undefined: number };
    counterexample?: string[];
    trace?: string;
  }[];
}

async function conform(
  dut: string,
  against: string | undefined,
  runs: number,
  extra: readonly string[] = [],
) {
  const out = join(dir, `${dut.split(' ').at(-1)}-${against ?? 'reference'}`);
  const args = ['conform', '--dut', served(dut), '--preset', 'small', '--runs', String(runs), '--out', out];
  return runMain([...args, ...(against === undefined ? [] : ['--against', against]), ...extra]);
}

describe.concurrent('conform --against NAME', () => {
  test('a design that behaves as ats-intc-qemu conforms to it; the runs its asserts and undefined writes end are counted', async () => {
    const run = await conform('ats-intc-qemu', 'ats-intc-qemu', 60, ['--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout.join('')) as Report;
    expect(report.against).toBe('ats-intc-qemu');
    const r = report.results[0];
    expect(r?.verdict).toBe('pass');
    expect(r?.runs).toBe(60);
    expect(r?.endedEarly.runs).toBeGreaterThan(0);
    // QEMU asserts (a page ≥ 16, ENQUEUE_k with k ≥ 8) and writes past its waiter array (ERROR,
    // STATUS, lines ≥ 16: undefined); it never stalls.
    expect(r?.endedEarly.stall).toBe(0);
    expect(r?.endedEarly.abort).toBeGreaterThan(0);
    expect((r?.endedEarly.abort ?? 0) + (r?.endedEarly.undefined ?? 0)).toBe(r?.endedEarly.runs);
    expect(r?.restarts).toBe(r?.endedEarly.runs);
  });

  test('a stalling design: no timeout is waited for, each stalled run ends early and restarts the DUT', async () => {
    const t0 = performance.now();
    const run = await conform('ats-intc-chisel', 'ats-intc-chisel', 25, ['--timeout-ms', '120000']);
    const seconds = (performance.now() - t0) / 1000;
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(
      /^✓ dut impl-ats-intc-chisel \/ small: 25 runs conform to ats-intc-chisel /,
    );
    expect(run.stdout[1]).toMatch(
      /^ {2}(\d+) of 25 runs ended early: \1 stall \(ats-intc-chisel predicts the design stops there; the rest of each such run was not judged, and the DUT was restarted\)$/,
    );
    expect(seconds).toBeLessThan(100); // one waited timeout alone would be 120 s
  });

  test('the published design does not conform to the reference, nor the reference to it', async () => {
    const qemu = await conform('ats-intc-qemu', undefined, 200);
    expect(qemu.code).toBe(1);
    expect(qemu.stdout[0]).toMatch(/^✗ dut impl-ats-intc-qemu \/ small: /);
    const ref = await conform('reference', 'ats-intc-qemu', 200);
    expect(ref.code).toBe(1);
    expect(ref.stdout[0]).toMatch(/^✗ dut impl-reference \/ small: differs from ats-intc-qemu at step \d+/);
    const replay = ref.stdout.find((l) => l.startsWith('  replay: '));
    expect(replay).toMatch(/ --against ats-intc-qemu$/);
    const trace = /replay (\S+) --dut/.exec(replay ?? '')?.[1] ?? '';
    expect(readTrace(trace).header.meta.note).toMatch(
      /predicted by ats-intc-qemu \(conform --against ats-intc-qemu\)/,
    );
    const bad = await runMain(['replay', trace, '--dut', served('reference'), '--against', 'ats-intc-qemu']);
    expect(bad.code).toBe(1);
    const good = await runMain([
      'replay',
      trace,
      '--dut',
      served('ats-intc-qemu'),
      '--against',
      'ats-intc-qemu',
    ]);
    expect(good.code).toBe(0);
  });

  test('taic, a design with its own register map: its driver makes the stimulus, the reference differs', async () => {
    const taic = await conform('taic', 'taic', 15, ['--json']);
    expect(taic.code).toBe(0);
    const report = JSON.parse(taic.stdout.join('')) as Report;
    expect(report.results[0]?.verdict).toBe('pass');
    const ref = await conform('reference', 'taic', 30);
    expect(ref.code).toBe(1);
    expect(ref.stdout[0]).toMatch(/^✗ dut impl-reference \/ small: differs from taic at step \d+/);
  });

  test('an unknown name: exit 2 with the names', async () => {
    const run = await runMain(['conform', '--dut', 'true', '--against', 'no-such-design']);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(
      /^intcheck: --against: unknown implementation "no-such-design" \(known: reference, /,
    );
    const replay = await runMain(['replay', 'x.itf.json', '--against', 'reference']);
    expect(replay.code).toBe(2);
  });
});
