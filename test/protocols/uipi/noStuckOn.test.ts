/**
 * uipiNoStuckOn (U3) holds on the reference, in storms under both drains and in the explorer (the
 * model and the product with the reference, bounded here; the narrowed small model is explored
 * completely by scripts/exploreManifest.ts), because the reference's exit to user mode self-IPIs on
 * a stale ON as well as on PIR ≠ 0, where linux-rfc-v1's PIR-only check leaves it stuck.
 */
import { describe, expect, test } from 'vitest';
import { explore } from '../../../engine/explore/explore.ts';
import { LINUX_RFC_V1 } from '../../../protocols/uipi/designs/linux-rfc-v1/linuxRfcV1.ts';
import { UIPI_REFERENCE } from '../../../protocols/uipi/designs/reference/uipiImpl.ts';
import { checkUipi } from '../../../protocols/uipi/engine/checkUipi.ts';
import { UIPI_EXPLORE_PRESETS } from '../../../protocols/uipi/engine/exploreUipi.ts';
import { runUipi } from '../../../protocols/uipi/engine/runUipi.ts';
import { uipiSpace } from '../../../protocols/uipi/engine/uipiSpace.ts';
import { UIPI_SMALL } from '../../../protocols/uipi/model/config.ts';
import type { UipiEvent } from '../../../protocols/uipi/model/events.ts';
import { NOTIFICATION_VECTOR } from '../../../protocols/uipi/model/state.ts';
import { selectUipi } from '../../../protocols/uipi/properties/selection.ts';
import { runs, SEED } from '../../support/seed.ts';

const r0 = { receiver: 0 } as const;

/**
 * A send inside processing re-sets ON; the receiver enters the kernel (with a CLUI first, so the
 * pending vector does not have to be delivered before the syscall) and is preempted there; its
 * second notification is dropped at the idle CPU; switched back in, it leaves the kernel.
 */
const STALE_ON_THEN_EXIT: readonly UipiEvent[] = [
  { type: 'Send', sender: 0, index: 0 },
  { type: 'SendIpi', sender: 0 },
  { type: 'IpiArrive', cpu: 0, vector: NOTIFICATION_VECTOR },
  { type: 'Accept', cpu: 0, vector: NOTIFICATION_VECTOR },
  { type: 'Send', sender: 1, index: 0 },
  { type: 'NotifyDrain', cpu: 0 },
  { type: 'Clui', ...r0 },
  { type: 'KernelEntry', ...r0 },
  { type: 'SwitchOutSn', ...r0 },
  { type: 'SwitchOutSave', ...r0 },
  { type: 'SendIpi', sender: 1 },
  { type: 'IpiArrive', cpu: 0, vector: NOTIFICATION_VECTOR },
  { type: 'Accept', cpu: 0, vector: NOTIFICATION_VECTOR },
  { type: 'SwitchInRestore', receiver: 0, cpu: 0 },
  { type: 'KernelExit', ...r0 },
  { type: 'SwitchInClearSn', ...r0 },
  { type: 'SwitchInCheckPir', ...r0 },
];

describe('uipiNoStuckOn', () => {
  test('the reference self-IPIs on the stale ON when it returns to user; linux-rfc-v1 leaves it stuck', () => {
    const ref = runUipi(UIPI_SMALL, UIPI_REFERENCE, STALE_ON_THEN_EXIT, { drain: false });
    expect(ref.ok).toBe(true);
    expect(ref.final.upids[0]).toMatchObject({ on: true, pir: 0n, sn: false });
    expect(ref.final.cpus[0]?.pending).toEqual([NOTIFICATION_VECTOR]);
    const linux = runUipi(UIPI_SMALL, LINUX_RFC_V1, STALE_ON_THEN_EXIT, { drain: false });
    expect(linux.ok ? 'ok' : linux.violation.property).toBe('uipiNoStuckOn');
  });

  test.each(['fair', 'no-kernel-entry'] as const)('holds on the reference in storms (%s drain)', (drain) => {
    const r = checkUipi({
      cfg: { ...UIPI_SMALL, drain },
      impl: UIPI_REFERENCE,
      runs: runs(500),
      seed: SEED,
      properties: ['uipiNoStuckOn', 'uipiRefinement'],
    });
    expect(r.ok ? 'ok' : `${r.failure.violation.property}: ${r.failure.violation.message}`).toBe('ok');
  });

  test('holds on the model and on the reference in the explorer (bounded)', () => {
    const small = UIPI_EXPLORE_PRESETS.small;
    if (small === undefined) throw new Error('no small UIPI exploration preset');
    for (const [impl, maxStates] of [
      [undefined, 40_000],
      [UIPI_REFERENCE, 8_000],
    ] as const) {
      const sel = selectUipi(['uipiNoStuckOn', 'uipiRefinement'], impl);
      const r = explore(uipiSpace(small, impl, sel), { maxStates });
      expect(r.kind).toBe('maxStates');
    }
  });
});
