/**
 * The fair drain may STUI only to undo a CLUI of the storm (protocols/uipi/model/drain.ts), and a UIRET ends
 * that CLUI as it does in the ghost (protocols/uipi/model/undoClui.ts): a storm that CLUIs
 * inside a handler and leaves a second vector posted must still catch a UIRET that forgets to set
 * UIF (`uiret-keeps-uif-clear`), rather than have the drain's STUI deliver it and hide the bug.
 */
import { describe, expect, test } from 'vitest';
import { UIPI_REFERENCE } from '../../../protocols/uipi/designs/reference/uipiImpl.ts';
import { runUipi } from '../../../protocols/uipi/engine/runUipi.ts';
import { UIPI_SMALL } from '../../../protocols/uipi/model/config.ts';
import type { UipiEvent } from '../../../protocols/uipi/model/events.ts';
import { NOTIFICATION_VECTOR } from '../../../protocols/uipi/model/state.ts';
import { UIPI_MUTANTS } from '../../../protocols/uipi/mutants/uipiMutants.ts';
import { UIPI_PROPERTIES } from '../../../protocols/uipi/properties/index.ts';

const r0 = { receiver: 0 } as const;
/** A vector delivered, CLUI inside its handler, a second vector sent and notified. */
const STORM: readonly UipiEvent[] = [
  { type: 'Send', sender: 0, index: 0 },
  { type: 'SendIpi', sender: 0 },
  { type: 'IpiArrive', cpu: 0, vector: NOTIFICATION_VECTOR },
  { type: 'Accept', cpu: 0, vector: NOTIFICATION_VECTOR },
  { type: 'NotifyDrain', cpu: 0 },
  { type: 'Deliver', ...r0 },
  { type: 'Clui', ...r0 },
  { type: 'Send', sender: 1, index: 0 },
];

describe('the drain after a CLUI inside a handler', () => {
  test('the reference delivers everything', () => {
    const r = runUipi(UIPI_SMALL, UIPI_REFERENCE, STORM);
    expect(r.ok ? 'ok' : `${r.violation.property}: ${r.violation.message}`).toBe('ok');
  });

  test('a UIRET that keeps UIF clear is caught, not undone by the drain', () => {
    const mutant = UIPI_MUTANTS.find((m) => m.name === 'uiret-keeps-uif-clear');
    expect(mutant).toBeDefined();
    // Refinement left out (as the kill matrix does): the drain's own verdict is what is tested.
    const properties = UIPI_PROPERTIES.map((p) => p.id).filter((id) => id !== 'uipiRefinement');
    const r = runUipi(UIPI_SMALL, mutant, STORM, { properties });
    expect(r.ok ? 'ok' : r.violation.property).toBe('uipiEventuallyDelivered');
  });
});
