/**
 * `intcheck explore` end to end: exit 0 when the bound is exhausted, 1 with a replayable trace on a
 * violation, 2 on bad input, 3 (said plainly, never success) when --max-states stops it first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../cli/runCli.ts';

describe('intcheck explore', () => {
  it('exits 0 when the bound is exhausted with no violation, with the counts in --json', async () => {
    const r = await runCli(['explore', '--protocol', 'wakeup', '--preset', 'tiny', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { verdict: string; distinct: number; diameter: number };
    expect(out.verdict).toBe('complete');
    expect(out.distinct).toBe(1704);
  });

  it('exits 1 on a violation and saves the BFS-shortest counterexample as a trace that replays', async () => {
    const out = tempDir();
    const r = await runCli(['explore', '--protocol', 'wakeup', '--impl', 'ats-intc-qemu', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/VIOLATION of noLostWakeup/);
    const file = join(out, 'wakeup--ats-intc-qemu--noLostWakeup--small--explore.itf.json');
    expect(existsSync(file)).toBe(true);
    const meta = (JSON.parse(readFileSync(file, 'utf8')) as { '#meta': Record<string, unknown> })['#meta'];
    expect(meta).toMatchObject({ explorer: true, depth: 2, property: 'noLostWakeup' });
    const replay = await runCli(['replay', file]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toMatch(/noLostWakeup/);
  });

  it('exits 3 and says there is no verdict when --max-states stops it first', async () => {
    const r = await runCli(['explore', '--protocol', 'wakeup', '--max-states', '50']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/STOPPED by --max-states 50 .*NO VERDICT/);
  });

  it('exits 2 with one line on bad input', async () => {
    for (const args of [
      ['explore', '--protocol', 'nope'],
      ['explore', '--protocol', 'wakeup', '--preset', 'huge'],
      ['explore', '--protocol', 'wakeup', '--max-states', 'many'],
      ['explore', '--protocol', 'wakeup', '--impl', 'nope'],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
  it('explores syscall and UIPI: a complete bound exits 0, a UIPI mutant counterexample is a trace that replays', async () => {
    const ok = await runCli(['explore', '--protocol', 'syscall', '--preset', 'tiny', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ verdict: 'complete', protocol: 'syscall', distinct: 6092 });
    const out = tempDir();
    // The UIPI model's small preset has no violation (and takes about a minute to exhaust: README
    // "Syscall and UIPI exploration"), so the counterexample comes from a mutant: a UIRET that
    // forgets to set UIF, seen by refinement in the drain from the explored state.
    const r = await runCli([
      'explore',
      '--protocol',
      'uipi',
      '--mutant',
      'uiret-keeps-uif-clear',
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/VIOLATION of uipiRefinement \(liveness\)/);
    const file = join(out, 'uipi--uiret-keeps-uif-clear--uipiRefinement--small--explore.itf.json');
    expect(existsSync(file)).toBe(true);
    const replay = await runCli(['replay', file]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toMatch(/uipiRefinement/);
  }, 60_000);
});

describe('intcheck explore --engine packed', () => {
  it('counts the wakeup model as the default engine does, judging the state invariants', async () => {
    const r = await runCli([
      'explore',
      '--protocol',
      'wakeup',
      '--preset',
      'tiny',
      '--engine',
      'packed',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      verdict: 'complete',
      engine: 'packed',
      properties: ['taskInOnePlace', 'onlyOnlineRun', 'noStuckSystem'],
      distinct: 1704,
      transitions: 8460,
      diameter: 23,
    });
  });

  it('exits 3 under --max-states and 2 with one line for what it cannot explore', async () => {
    const stopped = await runCli([
      'explore',
      '--protocol',
      'wakeup',
      '--engine',
      'packed',
      '--max-states',
      '50',
    ]);
    expect(stopped.code).toBe(3);
    expect(stopped.stdout).toMatch(/NO VERDICT/);
    for (const args of [
      ['--protocol', 'controller', '--engine', 'packed'],
      ['--protocol', 'wakeup', '--engine', 'packed', '--impl', 'reference'],
      ['--protocol', 'wakeup', '--engine', 'packed', '--max-queue', '1'],
      ['--protocol', 'wakeup', '--engine', 'nope'],
    ]) {
      const r = await runCli(['explore', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
