/**
 * The UIPI event vocabulary: every atomic step of spec/uipi.md "Scope of the model" (research
 * §1.5–1.8) as one discriminated union on `type`. A "|" of the spec is a distinct event here:
 * SENDUIPI's locked post (`Send`) and the IPI leaving the sender after the lock (`SendIpi`); IPI
 * arrival at a CPU's APIC (`IpiArrive`); the CPU taking a pending vector (`Accept`: notification
 * identification and step a "clear ON" when it is the running thread's UINV, the kernel-vector
 * handler's wake when it is the kernel vector, a spurious ack otherwise); step b+c (`NotifyDrain`);
 * delivery, handler body, UIRET, STUI, CLUI; switch-out (set SN | save); switch-in (restore UINV
 * and NDST | clear SN | PIR check and self-IPI); `uintr_wait` (NV to the kernel vector | re-check
 * | sleep); the wake's NV restore; sender registration and revocation; the Skyloft timer tick.
 *
 * Kernel entry and exit without a context switch (spec/uipi-linux.md "New events and state"):
 * `KernelEntry` (a syscall, interrupt or exception takes the receiver to the kernel, with no UINTR
 * action) and `KernelExit` (switch_uintr_return's step 3(a+b): UINV re-programmed if 0, NDST :=
 * this CPU), after which the same `SwitchInClearSn` (3(c)) and `SwitchInCheckPir` (3(d)) run as
 * after a switch-in: the exit to user mode is one code path whether or not the thread was
 * switched. Two events belong to linux-rfc-v1 alone, which has state the model does not (the
 * model rejects them as `designOnly`): `WaitEnlist` (uintr_wait's list_add, step 5(b)) and
 * `RunOther` (a receiver thread outside the configuration runs on an idle CPU).
 */

/** SENDUIPI by `sender` through its UITT slot `index` (one locked read-modify-write of the UPID). */
export interface Send {
  readonly type: 'Send';
  readonly sender: number;
  readonly index: number;
}
/** The notification IPI a SENDUIPI decided to send leaves its sender (after the lock is released). */
export interface SendIpi {
  readonly type: 'SendIpi';
  readonly sender: number;
}
/** One in-flight IPI with `vector` addressed to `cpu` reaches that CPU's APIC (its IRR bit). */
export interface IpiArrive {
  readonly type: 'IpiArrive';
  readonly cpu: number;
  readonly vector: number;
}
/** `cpu` takes its pending APIC `vector` (identification; for UINV, processing step a: clear ON). */
export interface Accept {
  readonly type: 'Accept';
  readonly cpu: number;
  readonly vector: number;
}
/** Processing steps b and c on `cpu`: one locked exchange of PIR into a temporary, ORed into UIRR. */
export interface NotifyDrain {
  readonly type: 'NotifyDrain';
  readonly cpu: number;
}
/** Steps of one receiver thread (user code, the CPU's microcode on its behalf, or the kernel). */
export interface ReceiverStep {
  readonly type:
    | 'Deliver'
    | 'HandlerBody'
    | 'Uiret'
    | 'Stui'
    | 'Clui'
    | 'SwitchOutSn'
    | 'SwitchOutSave'
    | 'SwitchInClearSn'
    | 'SwitchInCheckPir'
    | 'WaitSwitchNv'
    | 'WaitRecheck'
    | 'WaitSleep'
    | 'WakeRestoreNv'
    | 'KernelEntry'
    | 'KernelExit'
    | 'WaitEnlist';
  readonly receiver: number;
}
/** The kernel puts runnable receiver `receiver` on free `cpu`: XRSTORS, UINV re-programmed, NDST := cpu. */
export interface SwitchInRestore {
  readonly type: 'SwitchInRestore';
  readonly receiver: number;
  readonly cpu: number;
}
/** `uintr_register_sender`: UITT slot `index` of `sender` becomes valid (V := 1) for its fd. */
export interface Register {
  readonly type: 'Register';
  readonly sender: number;
  readonly index: number;
}
/** `uintr_unregister_sender`: V := 0 on slot `index` of `sender` (a later SENDUIPI on it takes #GP). */
export interface Revoke {
  readonly type: 'Revoke';
  readonly sender: number;
  readonly index: number;
}
/** Skyloft: the LAPIC timer of `cpu` fires its vector (unmasked only while a receiver runs there at user level). */
export interface TimerTick {
  readonly type: 'TimerTick';
  readonly cpu: number;
}
/**
 * linux-rfc-v1's `runOther(cpu, T)`: idle `cpu` runs T, a receiver thread outside the
 * configuration (its UPID is one no sender here targets): live UINV := the notification vector,
 * UPIDADDR := T's UPID, until a receiver of the configuration is switched in there.
 */
export interface RunOther {
  readonly type: 'RunOther';
  readonly cpu: number;
}

export type UipiEvent =
  | Send
  | SendIpi
  | IpiArrive
  | Accept
  | NotifyDrain
  | ReceiverStep
  | SwitchInRestore
  | Register
  | Revoke
  | TimerTick
  | RunOther;
export type UipiEventType = UipiEvent['type'];
export type ReceiverStepType = ReceiverStep['type'];

/** The receiver-step types, in a fixed order (the kernel entry/exit steps and linux-rfc-v1's enlist last). */
export const RECEIVER_STEP_TYPES = [
  'Deliver',
  'HandlerBody',
  'Uiret',
  'Stui',
  'Clui',
  'SwitchOutSn',
  'SwitchOutSave',
  'SwitchInClearSn',
  'SwitchInCheckPir',
  'WaitSwitchNv',
  'WaitRecheck',
  'WaitSleep',
  'WakeRestoreNv',
  'KernelEntry',
  'KernelExit',
  'WaitEnlist',
] as const satisfies readonly ReceiverStepType[];

/** Every event type, in a fixed order (codec, storms, coverage). */
export const UIPI_EVENT_TYPES = [
  'Send',
  'SendIpi',
  'IpiArrive',
  'Accept',
  'NotifyDrain',
  ...RECEIVER_STEP_TYPES,
  'SwitchInRestore',
  'Register',
  'Revoke',
  'TimerTick',
  'RunOther',
] as const satisfies readonly UipiEventType[];

/** True when `t` is a receiver-step type. */
export function isReceiverStepType(t: string): t is ReceiverStepType {
  return (RECEIVER_STEP_TYPES as readonly string[]).includes(t);
}

/** `e` as one short line: `Send(sender=1, index=0)`. */
export function formatUipiEvent(e: UipiEvent): string {
  switch (e.type) {
    case 'Send':
    case 'Register':
    case 'Revoke':
      return `${e.type}(sender=${e.sender}, index=${e.index})`;
    case 'SendIpi':
      return `SendIpi(sender=${e.sender})`;
    case 'IpiArrive':
    case 'Accept':
      return `${e.type}(cpu=${e.cpu}, vector=0x${e.vector.toString(16)})`;
    case 'NotifyDrain':
    case 'TimerTick':
    case 'RunOther':
      return `${e.type}(cpu=${e.cpu})`;
    case 'SwitchInRestore':
      return `SwitchInRestore(receiver=${e.receiver}, cpu=${e.cpu})`;
    default:
      return `${e.type}(receiver=${e.receiver})`;
  }
}
