/**
 * Switch-in's self-IPI on a stale ON (protocols/uipi/model/actions.ts switchInCheckPir): the storm the
 * kill matrix's reference hunt found (seed 20261123, small preset) — a send between "clear ON"
 * and the PIR swap, a migration before its IPI lands, then a send that sees ON = 1 — is
 * delivered in the drain, by the model and by the reference (refinement included), and the
 * switch-in step indeed raises the notification vector on the new CPU.
 */
import { describe, expect, test } from 'vitest';
import { UIPI_REFERENCE } from '../../../protocols/uipi/designs/reference/uipiImpl.ts';
import { runUipi } from '../../../protocols/uipi/engine/runUipi.ts';
import { UIPI_SMALL } from '../../../protocols/uipi/model/config.ts';
import type { UipiEvent } from '../../../protocols/uipi/model/events.ts';
import { NOTIFICATION_VECTOR } from '../../../protocols/uipi/model/state.ts';

const r0 = { receiver: 0 } as const;
const STORM: readonly UipiEvent[] = [
  { type: 'Send', sender: 0, index: 0 },
  { type: 'SwitchOutSn', ...r0 },
  { type: 'SwitchOutSave', ...r0 },
  { type: 'SwitchInRestore', receiver: 0, cpu: 0 },
  { type: 'SwitchInClearSn', ...r0 },
  { type: 'SwitchInCheckPir', ...r0 },
  { type: 'Accept', cpu: 0, vector: NOTIFICATION_VECTOR },
  { type: 'Send', sender: 1, index: 0 },
  { type: 'NotifyDrain', cpu: 0 },
  { type: 'SwitchOutSn', ...r0 },
  { type: 'SwitchOutSave', ...r0 },
  { type: 'SwitchInRestore', receiver: 0, cpu: 1 },
  { type: 'SwitchInClearSn', ...r0 },
  { type: 'SwitchInCheckPir', ...r0 },
  { type: 'SendIpi', sender: 0 },
  { type: 'Send', sender: 0, index: 1 },
];

describe('a stale ON at switch-in', () => {
  test.each([
    ['the model', undefined],
    ['the reference', UIPI_REFERENCE],
  ] as const)('%s delivers every vector of the migration storm', (_name, impl) => {
    const r = runUipi(UIPI_SMALL, impl, STORM);
    expect(r.ok ? 'ok' : `${r.violation.property}: ${r.violation.message}`).toBe('ok');
  });

  test('switch-in with ON = 1 and PIR = 0 raises the notification vector on the new CPU', () => {
    const r = runUipi(UIPI_SMALL, UIPI_REFERENCE, STORM.slice(0, 14), { drain: false });
    const at = r.recorded.at(-1);
    expect(at?.event.type).toBe('SwitchInCheckPir');
    expect(at?.state.upids[0]?.on).toBe(true);
    expect(at?.state.upids[0]?.pir).toBe(0n);
    expect(at?.state.cpus[1]?.pending).toEqual([NOTIFICATION_VECTOR]);
  });
});
