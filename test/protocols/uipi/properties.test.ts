/**
 * Every UIPI property is registered, documented and able to fail: each is checked alone against
 * a mutant that breaks exactly what it guards (random storms at the pinned seed), and U8, which
 * no single switch of the implementation reaches with one receiver, on a hand-made bad step.
 */
import { describe, expect, test } from 'vitest';
import { findProperty, propertiesOf } from '../../../protocols/registry.ts';
import { checkUipi } from '../../../protocols/uipi/engine/checkUipi.ts';
import {
  initialUipi,
  UIPI_PRESETS,
  UIPI_SMALL,
  type UipiState,
} from '../../../protocols/uipi/model/index.ts';
import { findUipiMutant } from '../../../protocols/uipi/mutants/uipiMutants.ts';
import type { UipiStepContext } from '../../../protocols/uipi/properties/context.ts';
import { UIPI_PROPERTIES } from '../../../protocols/uipi/properties/index.ts';
import { uipiLocality } from '../../../protocols/uipi/properties/uipiLocality.ts';
import { runs, SEED } from '../../support/seed.ts';

/** Per property, the mutant that shows it can fail (and the preset it runs on). */
const SHOWN_BY: Readonly<Record<string, readonly [string, 'small' | 'skyloft']>> = {
  uipiNoLoss: ['senduipi-forgets-pir', 'small'],
  uipiNoFabrication: ['deliver-keeps-uirr', 'small'],
  uipiNotificationDiscipline: ['senduipi-never-sets-on', 'small'],
  uipiNoStrandedPost: ['switch-in-pir-check-first', 'small'],
  uipiNoStuckOn: ['processing-keeps-on', 'small'],
  uipiSuppressedWhileOff: ['switch-out-no-sn', 'small'],
  uipiRouting: ['switch-in-sn-before-ndst', 'small'],
  uipiMasking: ['deliver-keeps-uif', 'small'],
  uipiPriority: ['deliver-lowest', 'small'],
  uipiRefinement: ['deliver-lowest', 'small'],
  uipiEventuallyDelivered: ['uiret-keeps-uif-clear', 'small'],
  uipiWaitWakes: ['wait-no-recheck', 'small'],
  uipiTimerRearms: ['skyloft-no-repost', 'skyloft'],
};

describe('the UIPI properties', () => {
  test('are in the registry under protocol uipi, with the spec ids', () => {
    expect(propertiesOf('uipi').map((p) => p.id)).toEqual(UIPI_PROPERTIES.map((p) => p.id));
    for (const p of UIPI_PROPERTIES) expect(findProperty(p.id)).toBe(p);
    for (const id of [
      'uipiNoLoss',
      'uipiNoFabrication',
      'uipiNotificationDiscipline',
      'uipiNoStrandedPost',
      'uipiNoStuckOn',
      'uipiSuppressedWhileOff',
      'uipiRouting',
      'uipiMasking',
      'uipiLocality',
      'uipiPriority',
      'uipiEventuallyDelivered',
      'uipiWaitWakes',
    ])
      expect(findProperty(id)?.protocol).toBe('uipi');
  });

  test.each(Object.entries(SHOWN_BY))('%s fails alone on mutant %j', (id, [mutant, preset]) => {
    const impl = findUipiMutant(mutant);
    if (impl === undefined) throw new Error(`no mutant ${mutant}`);
    const r = checkUipi({ cfg: UIPI_PRESETS[preset], impl, runs: runs(1000), seed: SEED, properties: [id] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure.violation.property).toBe(id);
  });

  test('uipiLocality fails on a step that changes a switched-out receiver’s saved UIRR', () => {
    const base = initialUipi(UIPI_SMALL);
    const rc = base.receivers[0];
    if (rc === undefined) throw new Error('no receiver');
    const before: UipiState = { ...base, receivers: [{ ...rc, phase: 'off', cpu: -1, uinv: 0 }] };
    const after: UipiState = {
      ...before,
      receivers: [{ ...rc, phase: 'off', cpu: -1, uinv: 0, uirr: 0b100n }],
    };
    const ctx: UipiStepContext = {
      cfg: UIPI_SMALL,
      index: 3,
      event: { type: 'Send', sender: 1, index: 0 },
      accepted: true,
      before,
      after,
      owedBefore: [0n],
      owedAfter: [0n],
      creditBefore: [],
      expected: undefined,
    };
    expect(uipiLocality.check(ctx)).toContain('saved (off-CPU) UIRR changed by Send');
    expect(uipiLocality.check({ ...ctx, after: before })).toBeNull();
  });

  test('every property is shown able to fail by this file', () => {
    const shown = new Set([...Object.keys(SHOWN_BY), 'uipiLocality']);
    for (const p of UIPI_PROPERTIES) expect(shown.has(p.id), p.id).toBe(true);
  });
});
