/**
 * The kernel chunks of a UIPI storm (uipiStorm.ts with `kernel`): kernel entry and exit without a
 * switch, switches whose switch-in is followed by the exit steps, uintr_wait as NV switch,
 * enlist, re-check and sleep, and a receiver outside the configuration on an idle CPU — each a
 * few paths of events merged in a random order (`interleaved`), so that a notification's path
 * (send, IPI, arrival, acceptance, PIR swap) can fall anywhere inside a kernel path and a second
 * send inside the first one's processing. Every path is plain data: a design that has no such
 * step (the reference has no enlist, linux-rfc-v1 no re-check) rejects it and goes on.
 */
import fc from 'fast-check';
import type { UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR } from '../model/state.ts';
import { parts } from './uipiStormParts.ts';

/** The lists of `paths` merged, each kept in order: `order` names, for each event, the path it comes from. */
function merge(paths: readonly (readonly UipiEvent[])[], order: readonly number[]): UipiEvent[] {
  const next = paths.map(() => 0);
  const out: UipiEvent[] = [];
  for (const k of order) {
    const e = paths[k]?.[next[k] ?? 0];
    if (e !== undefined) out.push(e);
    next[k] = (next[k] ?? 0) + 1;
  }
  return out;
}

/** The paths `paths` gives, merged in a uniformly random order (each path kept in its own order). */
function interleaved(paths: fc.Arbitrary<readonly (readonly UipiEvent[])[]>): fc.Arbitrary<UipiEvent[]> {
  return paths.chain((ps) => {
    const labels = ps.flatMap((p, k) => p.map(() => k));
    return fc
      .shuffledSubarray(labels, { minLength: labels.length, maxLength: labels.length })
      .map((order) => merge(ps, order));
  });
}

/**
 * A SENDUIPI's whole notification, cut at a random point: the locked post, the IPI leaving, its
 * arrival at `cpu` and its acceptance there under either vector (the one the UPID's NV gave it is
 * taken, the other rejected: a storm cannot know NV), the PIR swap.
 */
export function sendPath(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  return fc
    .tuple(p.send, p.cpu, fc.nat(7))
    .map(([s, cpu, len]) =>
      (
        [
          s,
          { type: 'SendIpi', sender: s.sender },
          { type: 'IpiArrive', cpu, vector: NOTIFICATION_VECTOR },
          { type: 'IpiArrive', cpu, vector: KERNEL_VECTOR },
          { type: 'Accept', cpu, vector: NOTIFICATION_VECTOR },
          { type: 'Accept', cpu, vector: KERNEL_VECTOR },
          { type: 'NotifyDrain', cpu },
        ] satisfies UipiEvent[]
      ).slice(0, len),
    );
}

/** The exit to user mode: 3(a+b) | 3(c) | 3(d). */
function exitPath(receiver: number): UipiEvent[] {
  return [
    { type: 'KernelExit', receiver },
    { type: 'SwitchInClearSn', receiver },
    { type: 'SwitchInCheckPir', receiver },
  ];
}

/** A syscall (or interrupt) with no switch: kernel entry, then the exit, notifications around and inside it. */
function kernelTrip(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  return interleaved(
    fc
      .tuple(p.receiver, sendPath(cfg), sendPath(cfg))
      .map(([receiver, a, b]) => [[{ type: 'KernelEntry', receiver }, ...exitPath(receiver)], a, b]),
  );
}

/** A switch out and in (possibly to another CPU, possibly one another receiver ran on), then the exit, with two notifications merged in. */
export function switchAndExit(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  return interleaved(
    fc
      .tuple(p.receiver, p.cpu, fc.boolean(), sendPath(cfg), sendPath(cfg))
      .map(([receiver, cpu, other, a, b]) => [
        [
          { type: 'KernelEntry', receiver },
          { type: 'SwitchOutSn', receiver },
          { type: 'SwitchOutSave', receiver },
          ...(other ? [{ type: 'RunOther' as const, cpu }] : []),
          { type: 'SwitchInRestore', receiver, cpu },
          ...exitPath(receiver),
        ],
        a,
        b,
      ]),
  );
}

/**
 * A notification to one CPU whose processing a second send interrupts (between "clear ON" and the
 * PIR swap), then the rest of the second notification merged with a switch of a receiver to a
 * CPU and its exit: whether the switch-out comes before the second IPI is taken (linux-rfc-v1's
 * stale ON) is up to the merge.
 */
export function raceSwitch(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  const take = (cpu: number): UipiEvent[] => [
    { type: 'IpiArrive', cpu, vector: NOTIFICATION_VECTOR },
    { type: 'IpiArrive', cpu, vector: KERNEL_VECTOR },
    { type: 'Accept', cpu, vector: NOTIFICATION_VECTOR },
    { type: 'Accept', cpu, vector: KERNEL_VECTOR },
  ];
  return fc.tuple(p.receiver, p.cpu, p.cpu, p.send, p.send).chain(([receiver, from, to, a, b]) => {
    const first: UipiEvent[] = [
      a,
      { type: 'SendIpi', sender: a.sender },
      ...take(from),
      b,
      { type: 'NotifyDrain', cpu: from },
    ];
    return interleaved(
      fc.constant([
        [{ type: 'SendIpi', sender: b.sender }, ...take(from)],
        [
          { type: 'SwitchOutSn', receiver },
          { type: 'SwitchOutSave', receiver },
          { type: 'SwitchInRestore', receiver, cpu: to },
          ...exitPath(receiver),
        ],
      ]),
    ).map((rest) => [...first, ...rest]);
  });
}

/**
 * uintr_wait from a syscall (maybe preempted and switched back in before it starts: a
 * preemptible kernel), its NV switch, enlist, re-check and sleep, notifications merged in, maybe
 * the wake and the way back to user.
 */
export function waitPaths(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  const preempt = (receiver: number, cpu: number): UipiEvent[] => [
    { type: 'SwitchOutSn', receiver },
    { type: 'SwitchOutSave', receiver },
    { type: 'SwitchInRestore', receiver, cpu },
  ];
  const wakeBack = (receiver: number, cpu: number): UipiEvent[] => [
    { type: 'WakeRestoreNv', receiver },
    { type: 'SwitchInRestore', receiver, cpu },
    ...exitPath(receiver),
  ];
  return interleaved(
    fc
      .tuple(p.receiver, p.cpu, fc.nat(3), sendPath(cfg), sendPath(cfg))
      .map(([receiver, cpu, how, a, b]) => [
        [
          { type: 'KernelEntry', receiver },
          ...(how === 0 ? preempt(receiver, cpu) : []),
          { type: 'WaitSwitchNv', receiver },
          { type: 'WaitEnlist', receiver },
          { type: 'WaitRecheck', receiver },
          { type: 'WaitSleep', receiver },
          ...(how === 1 ? wakeBack(receiver, cpu) : []),
        ],
        a,
        b,
      ]),
  );
}

/** The weighted kernel chunks uipiStorm adds. */
export function kernelChunks(cfg: UipiConfig): { weight: number; arbitrary: fc.Arbitrary<UipiEvent[]> }[] {
  return [
    { weight: 3, arbitrary: kernelTrip(cfg) },
    { weight: 3, arbitrary: switchAndExit(cfg) },
    { weight: 3, arbitrary: waitPaths(cfg) },
    { weight: 2, arbitrary: raceSwitch(cfg) },
  ];
}
