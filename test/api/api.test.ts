/**
 * The programmatic API (issue 20): each function returns the report object its command prints
 * with `--json`, never exits the process, and turns bad input into a BadInput with the command
 * line's one line.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  BadInput,
  check,
  checkText,
  conform,
  conformText,
  explore,
  mutants,
  protocols,
  replay,
  VERSION,
} from '../../api/index.ts';
import { comparable, jsonOf, runCli, tempDir } from '../cli/runCli.ts';
import { BUGGY, GOOD } from '../engine/dut/runMain.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The report without what differs between two equivalent runs (timings, trace file names). */
const same = (report: unknown) => comparable({ code: 0, stdout: JSON.stringify(report), stderr: '' });

describe('the programmatic API', () => {
  test('protocols(): the registry, with designs, mutants and properties', () => {
    const list = protocols();
    expect(list.map((p) => p.name)).toEqual(['controller', 'wakeup', 'syscall', 'uipi']);
    const controller = list[0];
    expect(controller?.designs[0]).toBe('reference');
    expect(controller?.mutants).toContain('lifo-within-priority');
    expect(controller?.properties).toContain('fifoWithinPriority');
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('check returns what check --json prints; checkText is the text, replay command included', async () => {
    const out = tempDir();
    const args = ['--protocol', 'controller', '--mutant', 'lifo-within-priority', '--preset', 'small'];
    const cli = await runCli(['check', ...args, '--runs', '50', '--out', out, '--json']);
    const report = await check({
      protocol: 'controller',
      mutant: 'lifo-within-priority',
      preset: 'small',
      runs: 50,
      out,
    });
    expect(same(report)).toEqual(comparable(cli));
    expect(report.ok).toBe(false);
    const failed = report.results[0];
    if (failed === undefined || failed.ok) throw new Error('expected a failure');
    expect(checkText(report)).toContain(`replay: npx intcheck replay ${failed.failure.trace}`);
  });

  test('check with shards and properties: the same options as the command line', async () => {
    const out = tempDir();
    const cli = await runCli([
      'check',
      '--protocol',
      'wakeup',
      '--preset',
      'small',
      '--runs',
      '40',
      '--shard',
      '1/2',
      '--property',
      'noLostWakeup',
      '--out',
      out,
      '--json',
    ]);
    const report = await check({
      protocol: 'wakeup',
      preset: 'small',
      runs: 40,
      shard: { index: 1, count: 2 },
      properties: ['noLostWakeup'],
      out,
    });
    expect(same(report)).toEqual(comparable(cli));
    expect(report.shard).toEqual({ index: 1, count: 2, from: 20, to: 40 });
  });

  test('explore takes the engine, symmetry and workers the command line takes', async () => {
    const judged = await explore({ protocol: 'controller', preset: 'tiny', engine: 'judged' });
    expect(judged).toMatchObject({ verdict: 'complete', engine: 'judged', distinct: 4480 });
    const orbits = await explore({ protocol: 'controller', preset: 'tiny', symmetry: true });
    expect(orbits).toMatchObject({ verdict: 'complete', symmetry: true, distinct: 2400 });
    const parallel = await explore({ protocol: 'controller', preset: 'tiny', engine: 'objects', workers: 2 });
    expect(parallel).toMatchObject({ verdict: 'complete', distinct: 4480 });
  });

  test('explore, replay and mutants return their --json objects', async () => {
    const out = tempDir();
    const explored = await explore({ protocol: 'wakeup', impl: 'ats-intc-qemu', out });
    const cli = jsonOf(
      await runCli(['explore', '--protocol', 'wakeup', '--impl', 'ats-intc-qemu', '--out', out, '--json']),
    );
    expect({ ...explored, seconds: 0, statesPerSecond: 0 }).toEqual({
      ...cli,
      seconds: 0,
      statesPerSecond: 0,
    });
    expect(explored.verdict).toBe('violation');
    const trace = explored.trace;
    if (trace === undefined) throw new Error('no trace');
    const replayed = await replay(trace);
    expect(replayed).toEqual(jsonOf(await runCli(['replay', trace, '--json'])));
    expect(replayed.ok).toBe(false);
    expect((await replay(trace, { impl: 'reference' })).ok).toBe(true);
    const matrix = await mutants({
      protocol: 'controller',
      mutants: ['lifo-within-priority'],
      runs: 200,
      explore: false,
    });
    expect(matrix.rows.map((r) => [r.mutant, r.verdict])).toEqual([['lifo-within-priority', 'caught']]);
    expect(matrix.ok).toBe(true);
  });

  test('conform: a conforming design is ok; a buggy one is a report with the counterexample, not an exception', async () => {
    const out = tempDir();
    const good = await conform({ dut: GOOD, preset: 'small', runs: 30, out });
    expect(good.ok).toBe(true);
    expect(good.configurations).toEqual({ checked: 1, skipped: 0, refused: 0 });
    const bad = await conform({ dut: BUGGY, preset: 'small', runs: 150, out });
    expect(bad.ok).toBe(false);
    expect(bad.results[0]?.verdict).toBe('mismatch');
    expect(conformText(bad)).toContain(`--dut ${JSON.stringify(BUGGY)}`);
  });

  test('bad input throws a BadInput with the one line, and never exits the process', async () => {
    const exit = vi.spyOn(process, 'exit');
    const cases: [Promise<unknown>, RegExp][] = [
      [
        check({ protocol: 'nope' }),
        /^--protocol: unknown protocol "nope" \(known: controller, wakeup, syscall, uipi\)$/,
      ],
      [check({ protocol: 'controller', runs: 0 }), /^--runs: /],
      [explore({ protocol: 'wakeup', preset: 'huge' }), /preset/],
      [replay('/nonexistent/trace.itf.json'), /^\/nonexistent\/trace.itf.json: cannot read \(ENOENT\)$/],
      [mutants({ mutants: ['no-such-mutant'] }), /^--mutant: unknown mutant "no-such-mutant"/],
      [conform({ dut: 'python3 /nonexistent/dut.py', preset: 'small', runs: 1, startTimeoutMs: 5000 }), /./],
    ];
    for (const [call, message] of cases) {
      const error = await call.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BadInput);
      const text = (error as Error).message;
      expect(text).toMatch(message);
      expect(text).not.toContain('\n');
    }
    expect(exit).not.toHaveBeenCalled();
    // the suite's files share a worker's modules (vitest.config.ts: isolate false): leave process.exit as found
    exit.mockRestore();
  });
});
