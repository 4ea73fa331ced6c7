/**
 * linux-rfc-v1 (protocols/uipi/designs/linux-rfc-v1, spec/uipi-linux.md) step by step: each kernel
 * step does what the posted code does and nothing else — the switch-out sets SN only when not
 * waiting and its XSAVES clears the live UINV, a switch-in loads nothing until the exit, the
 * exit's 3(a+b) | 3(c) | 3(d) with a PIR check that ignores ON, 0xEC acked as spurious where the
 * live UINV is not 0xEC, uintr_wait with no re-check, the kernel-vector wake over the whole list,
 * another receiver's processing leaving ours alone; the design is not the model's refinement, runs
 * the plain scenario only, and the guarantees uipi-linux.md expects to hold do hold on storms.
 */
import { describe, expect, test } from 'vitest';
import { LINUX_RFC_V1 } from '../../../protocols/uipi/designs/linux-rfc-v1/linuxRfcV1.ts';
import { LinuxRfcV1Machine } from '../../../protocols/uipi/designs/linux-rfc-v1/linuxRfcV1Machine.ts';
import { miscUinv } from '../../../protocols/uipi/designs/reference/upidLayout.ts';
import { findUipiImpl } from '../../../protocols/uipi/designs/registry.ts';
import { checkUipi } from '../../../protocols/uipi/engine/checkUipi.ts';
import { UIPI_SKYLOFT, UIPI_SMALL } from '../../../protocols/uipi/model/config.ts';
import type { UipiEvent } from '../../../protocols/uipi/model/events.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR } from '../../../protocols/uipi/model/state.ts';
import { selectUipi } from '../../../protocols/uipi/properties/selection.ts';
import { runs, SEED } from '../../support/seed.ts';

const r0 = { receiver: 0 } as const;
const send: UipiEvent = { type: 'Send', sender: 0, index: 0 };

/** A machine of the small preset after `events`, each of which must be accepted. */
function machineAfter(events: readonly UipiEvent[]): LinuxRfcV1Machine {
  const m = new LinuxRfcV1Machine(UIPI_SMALL);
  for (const e of events) expect(m.apply(e), e.type).toBe(true);
  return m;
}

const switchOut: UipiEvent[] = [
  { type: 'SwitchOutSn', ...r0 },
  { type: 'SwitchOutSave', ...r0 },
];
const exit: UipiEvent[] = [
  { type: 'KernelExit', ...r0 },
  { type: 'SwitchInClearSn', ...r0 },
  { type: 'SwitchInCheckPir', ...r0 },
];

describe('linux-rfc-v1, step by step', () => {
  test('is a design of the registry that does not refine the model and runs the plain scenario only', () => {
    expect(findUipiImpl('linux-rfc-v1')).toBe(LINUX_RFC_V1);
    expect(LINUX_RFC_V1.refines).toBe(false);
    expect(selectUipi(undefined, LINUX_RFC_V1).step.map((p) => p.id)).not.toContain('uipiRefinement');
    expect(() => selectUipi(['uipiRefinement'], LINUX_RFC_V1)).toThrow('does not refine the model');
    expect(LINUX_RFC_V1.configError?.(UIPI_SKYLOFT)).toContain('no Skyloft timer');
    expect(LINUX_RFC_V1.configError?.(UIPI_SMALL)).toBeUndefined();
  });

  test('switch-out: SN set, XSAVES clears the live UINV; a switch-in loads nothing until the exit restores UINV and NDST', () => {
    const m = machineAfter([...switchOut]);
    let s = m.abs();
    expect(s.upids[0]?.sn).toBe(true);
    expect(s.receivers[0]).toMatchObject({ phase: 'off', cpu: -1, uinv: 0 });
    expect(miscUinv(m.cpus[0]?.misc ?? 1n << 32n)).toBe(0);
    expect(m.apply({ type: 'SwitchInRestore', receiver: 0, cpu: 1 })).toBe(true);
    s = m.abs();
    expect(s.receivers[0]).toMatchObject({ phase: 'kernel', cpu: 1, uinv: 0 });
    expect(s.upids[0]).toMatchObject({ sn: true, ndst: 0 });
    expect(m.apply({ type: 'KernelExit', ...r0 })).toBe(true);
    s = m.abs();
    expect(s.receivers[0]).toMatchObject({ phase: 'inRestored', uinv: NOTIFICATION_VECTOR });
    expect(s.upids[0]).toMatchObject({ sn: true, ndst: 1 });
    expect(m.apply({ type: 'SwitchInClearSn', ...r0 })).toBe(true);
    expect(m.abs().upids[0]?.sn).toBe(false);
  });

  test("the exit's check self-IPIs when PIR ≠ 0, and not for ON = 1 with PIR = 0", () => {
    // A send while switched out (SN = 1) only posts: PIR ≠ 0, ON = 0.
    const posted = machineAfter([
      ...switchOut,
      send,
      { type: 'SwitchInRestore', receiver: 0, cpu: 0 },
      ...exit,
    ]);
    expect(posted.abs().cpus[0]?.pending).toEqual([NOTIFICATION_VECTOR]);
    // A notification dropped as spurious while switched out leaves ON = 1 with PIR drained: no self-IPI.
    const stale = machineAfter([
      send,
      { type: 'SendIpi', sender: 0 },
      { type: 'IpiArrive', cpu: 0, vector: NOTIFICATION_VECTOR },
      { type: 'Accept', cpu: 0, vector: NOTIFICATION_VECTOR },
      { type: 'Send', sender: 1, index: 0 },
      { type: 'NotifyDrain', cpu: 0 },
      ...switchOut,
      { type: 'SendIpi', sender: 1 },
      { type: 'IpiArrive', cpu: 0, vector: NOTIFICATION_VECTOR },
      { type: 'Accept', cpu: 0, vector: NOTIFICATION_VECTOR }, // spuriousAck: UINV is 0 after XSAVES
      { type: 'SwitchInRestore', receiver: 0, cpu: 0 },
      ...exit,
    ]);
    const s = stale.abs();
    expect(s.upids[0]).toMatchObject({ on: true, sn: false, pir: 0n });
    expect(s.cpus[0]?.pending).toEqual([]);
    expect(s.inflight).toEqual([]);
    expect(s.receivers[0]?.phase).toBe('user');
  });

  test('a kernel entry is a syscall: not while a user interrupt is deliverable or an interrupt is pending', () => {
    const m = machineAfter([
      send,
      { type: 'SendIpi', sender: 0 },
      { type: 'IpiArrive', cpu: 0, vector: NOTIFICATION_VECTOR },
    ]);
    expect(m.apply({ type: 'KernelEntry', ...r0 })).toBe(false);
    expect(m.apply({ type: 'WaitSwitchNv', ...r0 })).toBe(false);
    expect(m.apply({ type: 'Accept', cpu: 0, vector: NOTIFICATION_VECTOR })).toBe(true);
    expect(m.apply({ type: 'NotifyDrain', cpu: 0 })).toBe(true);
    expect(m.apply({ type: 'KernelEntry', ...r0 })).toBe(false); // UIRR ≠ 0, UIF = 1
    expect(m.apply({ type: 'Clui', ...r0 })).toBe(true);
    expect(m.apply({ type: 'KernelEntry', ...r0 })).toBe(true);
  });

  test('uintr_wait: NV := 0xEB and waiting, then list_add, then sleep; no re-check; SN stays 0 while waiting', () => {
    const m = machineAfter([{ type: 'WaitSwitchNv', ...r0 }]);
    expect(m.abs().upids[0]?.nv).toBe(KERNEL_VECTOR);
    expect(m.abs().receivers[0]).toMatchObject({ phase: 'waitNv', waiting: true, listed: false });
    expect(m.apply({ type: 'WaitRecheck', ...r0 })).toBe(false);
    expect(m.apply({ type: 'WaitEnlist', ...r0 })).toBe(true);
    expect(m.abs().receivers[0]).toMatchObject({ phase: 'waitListed', waiting: true, listed: true });
    expect(m.apply(send)).toBe(true); // pending before the sleep: no re-check looks at it
    expect(m.apply({ type: 'WaitSleep', ...r0 })).toBe(true);
    const s = m.abs();
    expect(s.receivers[0]).toMatchObject({ phase: 'waiting', cpu: -1, waiting: true, listed: true });
    expect(s.upids[0]).toMatchObject({ sn: false, on: true });
  });

  test('the kernel-vector wake: every listed UPID with ON = 1 gets SN, NV 0xEC, waiting cleared, unlinked, and is woken if asleep', () => {
    const m = machineAfter([
      { type: 'WaitSwitchNv', ...r0 },
      { type: 'WaitEnlist', ...r0 },
      { type: 'WaitSleep', ...r0 },
      send,
      { type: 'SendIpi', sender: 0 },
      { type: 'IpiArrive', cpu: 0, vector: KERNEL_VECTOR },
      { type: 'Accept', cpu: 0, vector: KERNEL_VECTOR },
    ]);
    const s = m.abs();
    expect(s.upids[0]).toMatchObject({ on: true, sn: true, nv: NOTIFICATION_VECTOR, pir: 1n });
    expect(s.receivers[0]).toMatchObject({ phase: 'off', waiting: false, listed: false });
    // Woken before it slept (finding b1): the wake of a running task does nothing, and it then sleeps.
    const early = machineAfter([
      { type: 'WaitSwitchNv', ...r0 },
      { type: 'WaitEnlist', ...r0 },
      send,
      { type: 'SendIpi', sender: 0 },
      { type: 'IpiArrive', cpu: 0, vector: KERNEL_VECTOR },
      { type: 'Accept', cpu: 0, vector: KERNEL_VECTOR },
      { type: 'WaitSleep', ...r0 },
    ]);
    expect(early.abs().receivers[0]).toMatchObject({ phase: 'waiting', waiting: false, listed: false });
    expect(early.abs().upids[0]?.sn).toBe(true);
  });

  test('another receiver on an idle CPU takes our notification against its own UPID: our ON and PIR stay', () => {
    const m = machineAfter([
      send,
      ...switchOut,
      { type: 'RunOther', cpu: 0 },
      { type: 'SendIpi', sender: 0 },
      { type: 'IpiArrive', cpu: 0, vector: NOTIFICATION_VECTOR },
      { type: 'Accept', cpu: 0, vector: NOTIFICATION_VECTOR },
    ]);
    expect(m.abs().cpus[0]).toMatchObject({ cur: -1, other: true, processing: true });
    expect(m.apply({ type: 'NotifyDrain', cpu: 0 })).toBe(true);
    expect(m.abs().upids[0]).toMatchObject({ on: true, pir: 1n });
    expect(m.abs().receivers[0]?.uirr).toBe(0n);
    // Our switch-in there replaces the other receiver.
    expect(m.apply({ type: 'SwitchInRestore', receiver: 0, cpu: 0 })).toBe(true);
    expect(m.abs().cpus[0]).toMatchObject({ cur: 0, other: false });
  });

  test('the guarantees uipi-linux.md expects to hold (U1, U2, U4, U5, U6, U7, U8, U10, U11) hold on storms', () => {
    const r = checkUipi({
      cfg: UIPI_SMALL,
      impl: LINUX_RFC_V1,
      runs: runs(1000),
      seed: SEED,
      properties: [
        'uipiNoLoss',
        'uipiNoFabrication',
        'uipiSuppressedWhileOff',
        'uipiRouting',
        'uipiMasking',
        'uipiPriority',
        'uipiLocality',
        'uipiNotificationDiscipline',
        'uipiNoStrandedPost',
      ],
    });
    expect(r.ok ? 'ok' : `${r.failure.violation.property}: ${r.failure.violation.message}`).toBe('ok');
  });
});
