/**
 * The findings on linux-rfc-v1 (protocols/uipi/designs/linux-rfc-v1/findings.ts): random storms
 * report each with its property, shrunk, and its counterexample fails the same way with no
 * narrowing; the reference passes the same storms; (a) is a delay — uipiEventuallyDelivered holds
 * under the fair drain and fails under no-kernel-entry; and each saved trace is still the
 * explorer's BFS-shortest run of its finding.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readTrace } from '../../../protocols/readTrace.ts';
import { LINUX_RFC_V1_FINDINGS } from '../../../protocols/uipi/designs/linux-rfc-v1/findings.ts';
import { LINUX_RFC_V1 } from '../../../protocols/uipi/designs/linux-rfc-v1/linuxRfcV1.ts';
import { UIPI_REFERENCE } from '../../../protocols/uipi/designs/reference/uipiImpl.ts';
import { checkUipi } from '../../../protocols/uipi/engine/checkUipi.ts';
import { linuxFindingScenario } from '../../../protocols/uipi/engine/linuxFindingScenarios.ts';
import { runUipi } from '../../../protocols/uipi/engine/runUipi.ts';
import type { UipiScenario } from '../../../protocols/uipi/engine/uipiScenario.ts';
import { UIPI_SMALL } from '../../../protocols/uipi/model/config.ts';
import { findingTrace } from '../../../protocols/uipi/trace/linuxFindingTrace.ts';
import { runs, SEED } from '../../support/seed.ts';

/** Storms per finding: the budget within which each must be reported. */
const BUDGET = 5000;
/** The longest storm of a finding's check (its chunks are short). */
const MAX_EVENTS = 40;
/** The longest minimized counterexample accepted as "shrunk". */
const SHORT = 20;
const SAVED = join(import.meta.dirname, '..', '..', '..', 'traces', 'saved');

describe('the findings on linux-rfc-v1', () => {
  test.each(LINUX_RFC_V1_FINDINGS.map((f) => [f.id, f] as const))(
    '(%s) is reported by storms with its property, shrunk, and fails without the narrowing',
    (_id, f) => {
      const sc = linuxFindingScenario(f.id);
      const cfg = { ...UIPI_SMALL, drain: sc.drain };
      const r = checkUipi({
        cfg,
        impl: LINUX_RFC_V1,
        runs: runs(BUDGET),
        seed: SEED,
        properties: [sc.property],
        scenario: sc.scenario,
        maxEvents: MAX_EVENTS,
      });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.failure.violation.property).toBe(f.property);
      expect(r.counterexample.length).toBeLessThanOrEqual(SHORT);
      const again = runUipi(cfg, LINUX_RFC_V1, r.counterexample, { properties: [sc.property] });
      expect(again.ok ? 'passes' : again.violation.property).toBe(f.property);
    },
  );

  test.each(LINUX_RFC_V1_FINDINGS.map((f) => [f.id, f] as const))(
    '(%s): the reference passes the same storms',
    (_id, f) => {
      const sc = linuxFindingScenario(f.id);
      const { storm, name } = sc.scenario;
      const r = checkUipi({
        cfg: { ...UIPI_SMALL, drain: sc.drain },
        impl: UIPI_REFERENCE,
        runs: runs(1000),
        seed: SEED,
        properties: [sc.property],
        scenario: { name, ...(storm === undefined ? {} : { storm }) },
        maxEvents: MAX_EVENTS,
      });
      expect(r.ok ? 'ok' : `${r.failure.violation.property}: ${r.failure.violation.message}`).toBe('ok');
    },
  );

  test('(a) is a delay until the next kernel exit: uipiEventuallyDelivered holds under fair, fails under no-kernel-entry', () => {
    // No uintr_wait, so that the only loss left is (a)'s: a receiver at user level with ON stuck.
    const noWait: UipiScenario = { name: 'no uintr_wait', allow: (_s, e) => e.type !== 'WaitSwitchNv' };
    const check = (drain: 'fair' | 'no-kernel-entry') =>
      checkUipi({
        cfg: { ...UIPI_SMALL, drain },
        impl: LINUX_RFC_V1,
        runs: runs(3000),
        seed: SEED,
        properties: ['uipiEventuallyDelivered'],
        scenario: noWait,
      });
    const fair = check('fair');
    expect(fair.ok).toBe(true);
    const noEntry = check('no-kernel-entry');
    expect(noEntry.ok).toBe(false);
    if (noEntry.ok) return;
    expect(noEntry.failure.violation.property).toBe('uipiEventuallyDelivered');
    expect(noEntry.failure.final.receivers[0]).toMatchObject({ phase: 'user' });
    expect(noEntry.failure.final.upids[0]?.on).toBe(true);
    // The same storm under the fair drain: the kernel exit's PIR check sends the self-IPI, and it is delivered.
    const later = runUipi(UIPI_SMALL, LINUX_RFC_V1, noEntry.counterexample, {
      properties: ['uipiEventuallyDelivered'],
    });
    expect(later.ok).toBe(true);
    expect(later.drain?.events.map((e) => e.type)).toContain('KernelEntry');
  });

  test('the registry of findings names saved traces, each the explorer’s BFS-shortest run of its finding', () => {
    const files = readdirSync(SAVED);
    for (const f of LINUX_RFC_V1_FINDINGS) {
      const name = f.trace.replace('traces/saved/', '');
      expect(files, f.id).toContain(name);
      expect(name).toContain(`--${f.replayFailsFirst ?? f.property}--`);
      const saved = readTrace(join(SAVED, name)).header;
      expect(saved.meta.explorer).toBe(true);
      expect(saved.meta.note).toBe(f.bug);
      expect(saved.events, f.id).toEqual(findingTrace(f).events);
    }
  });
});
