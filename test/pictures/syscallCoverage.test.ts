/**
 * Syscall coverage counting: every storm step lands on its event kind (accepted or refused, with
 * its reason), every agent's phase and every user ring slot's state is counted once per accepted
 * step, phase changes land on the machine's transitions, counting changes no verdict and stops at
 * the first failure, and `check --protocol syscall --report` writes its page.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../engine/coverage/coverage.ts';
import { referenceImpl } from '../../protocols/controller/designs/reference/index.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { protocolNamed } from '../../protocols/index.ts';
import { checkSyscall } from '../../protocols/syscall/engine/checkSyscall.ts';
import { runSyscall } from '../../protocols/syscall/engine/runSyscall.ts';
import { syscallCoverage } from '../../protocols/syscall/engine/syscallCoverage.ts';
import { layoutOf } from '../../protocols/syscall/model/layout.ts';
import { findSyscallMutant } from '../../protocols/syscall/mutants/syscallMutants.ts';
import { runCli, tempDir } from '../cli/runCli.ts';
import { SEED } from '../support/seed.ts';

function count(cov: Coverage, group: string, name: string): number {
  const i = cov.rows.findIndex((r) => r.group === group && r.name === name);
  if (i < 0) throw new Error(`no row ${group}/${name}`);
  return cov.counts[i] ?? 0;
}

function sum(cov: Coverage, group: string): number {
  return cov.rows.reduce((s, r, i) => s + (r.group === group ? (cov.counts[i] ?? 0) : 0), 0);
}

const l = layoutOf(SMALL);
const caller = l.callers[1]?.[0] ?? -1;
/** Rings of processes that make calls (the kernel's is never used). */
const userRings = l.callers.filter((c) => c.length > 0).length;

describe('syscall coverage', () => {
  it('counts a run step by step: kinds, refusals with their reason, phases, transitions, slots', () => {
    const storm = [
      { type: 'Call', a: caller, target: 0 },
      { type: 'Read', a: caller }, // refused: the caller is filling
      { type: 'Publish', a: caller },
      { type: 'Signal', a: caller },
    ] as const;
    const cov = syscallCoverage();
    expect(runSyscall(SMALL, referenceImpl, storm, { coverage: cov, drain: false }).ok).toBe(true);
    expect(sum(cov, 'event')).toBe(3);
    expect(count(cov, 'event refused', 'Read')).toBe(1);
    expect(count(cov, 'refusal', 'wrongPhase')).toBe(1);
    expect(sum(cov, 'agent state')).toBe(3 * l.agents.length);
    expect(sum(cov, 'slot state')).toBe(3 * userRings * SMALL.ringSlots);
    expect(count(cov, 'agent transition', 'caller idle → filling')).toBe(1);
    expect(count(cov, 'agent transition', 'caller submitted → awaiting')).toBe(1);
    expect(sum(cov, 'agent transition')).toBe(3);
    // With the drain: it serves the call (take, complete, reply, wake, read), its refused tries counted too.
    const all = syscallCoverage();
    expect(runSyscall(SMALL, referenceImpl, storm, { coverage: all }).ok).toBe(true);
    const accepted = sum(all, 'event');
    expect(accepted).toBeGreaterThan(3);
    expect(count(all, 'event', 'Read')).toBe(1);
    expect(sum(all, 'refusal')).toBe(sum(all, 'event refused'));
    expect(sum(all, 'agent state')).toBe(accepted * l.agents.length);
    expect(count(all, 'agent transition', 'caller reading → idle')).toBe(1);
    expect(count(all, 'agent transition', 'service waiting → running')).toBeGreaterThan(0);
    expect(protocolNamed('syscall').coverage().rows).toEqual(cov.rows);
  });

  it("adds up to the check's events, changes no verdict, and stops at the first failure", () => {
    const base = { cfg: SMALL, impl: referenceImpl, runs: 60, seed: SEED };
    const cov = syscallCoverage();
    const r = checkSyscall({ ...base, coverage: cov });
    expect(r.ok).toBe(true);
    expect(sum(cov, 'event') + sum(cov, 'event refused')).toBeGreaterThanOrEqual(r.events);
    expect(checkSyscall(base)).toEqual(r);
    const impl = findSyscallMutant('kernel-frees-slot');
    if (impl === undefined) throw new Error('mutant missing');
    const bad = syscallCoverage();
    const f = checkSyscall({ ...base, impl, coverage: bad });
    expect(f.ok).toBe(false);
    expect(bad.live).toBe(false);
    expect(sum(bad, 'event')).toBeGreaterThan(0);
    expect(checkSyscall({ ...base, impl })).toEqual(f);
  });

  it('check --protocol syscall --report writes the page with its coverage', async () => {
    const dir = tempDir();
    const page = join(dir, 'report.html');
    const r = await runCli([
      'check',
      '--protocol',
      'syscall',
      '--preset',
      'small',
      '--runs',
      '50',
      '--out',
      dir,
      '--report',
      page,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(page)).toBe(true);
    const html = readFileSync(page, 'utf8');
    for (const group of ['agent state', 'agent transition', 'slot state', 'refusal'])
      expect(html).toContain(`data-group="${group}"`);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
