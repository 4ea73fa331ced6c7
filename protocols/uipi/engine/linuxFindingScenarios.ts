/**
 * Each finding the suite reports on linux-rfc-v1 (spec/uipi-linux.md "Findings the suite must
 * report"), as the property that catches it and the narrowing (engine/uipiScenario.ts) that keeps
 * a storm check or an exploration to that finding alone: which events the search may take, and
 * what the state where the drain started must show. Storms (findings.test.ts) and the explorer's
 * BFS-shortest traces (traces/saved, scripts/uipiLinuxFindings.ts) both use these.
 */

import fc from 'fast-check';
import type { LinuxFindingId } from '../designs/linux-rfc-v1/findings.ts';
import type { UipiConfig, UipiDrainName } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR, type Receiver, type UipiState } from '../model/state.ts';
import { raceSwitch, sendPath, switchAndExit, waitPaths } from './uipiKernelStorm.ts';
import type { UipiScenario } from './uipiScenario.ts';
import { stormOf } from './uipiStormParts.ts';

/** The findings, by the letters of uipi-linux.md (b5 and b6 are the suite's own, not in its list). */

export interface LinuxFindingScenario {
  readonly id: LinuxFindingId;
  /** The property that reports it when judged alone. */
  readonly property: string;
  /** The drain its liveness verdict is taken under. */
  readonly drain: UipiDrainName;
  readonly scenario: UipiScenario;
}

/** In uintr_wait: after the NV switch, on the list, or asleep. */
const inWaitPath = (rc: Receiver): boolean =>
  rc.phase === 'waitNv' || rc.phase === 'waitListed' || rc.phase === 'waiting';

/** Whether an IPI with `vector` is held for, in flight to or pending at a CPU `at` accepts. */
function onItsWay(s: UipiState, vector: number, at: (c: number) => boolean): boolean {
  const hit = (x: number) => x >= 0 && (x & 0xff) === vector && at(x >> 8);
  return (
    s.senders.some((sd) => hit(sd.held)) ||
    s.inflight.some(hit) ||
    s.cpus.some((c, i) => at(i) && c.pending.includes(vector))
  );
}

/**
 * Some receiver is in uintr_wait with `waiting` set, SN as `sn`, ON = 1 over a posted vector
 * (PIR ≠ 0), and ON is already stale: no kernel-vector IPI anywhere (the wake scans the whole
 * list) and no notification-vector IPI to its NDST (one sent with its NV before the switch is
 * what a later drop would make stale: finding b5, not this).
 */
function stuckWaiter(s: UipiState, sn: boolean): boolean {
  return s.receivers.some((rc, r) => {
    const u = s.upids[r];
    if (u === undefined || !inWaitPath(rc) || !rc.waiting || !u.on || u.pir === 0n || u.sn !== sn)
      return false;
    return !onItsWay(s, KERNEL_VECTOR, () => true) && !onItsWay(s, NOTIFICATION_VECTOR, (c) => c === u.ndst);
  });
}

/** Storms of uintr_wait paths with two notifications merged into each (the wait findings). */
function waitStorm(cfg: UipiConfig, maxEvents: number): fc.Arbitrary<UipiEvent[]> {
  return stormOf([{ weight: 1, arbitrary: waitPaths(cfg) }], maxEvents);
}

/** A receiver's handler run to its end, or a CLUI (what lets a receiver with UIRR ≠ 0 make a syscall). */
function userChunk(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  return fc.tuple(fc.nat(cfg.receivers - 1), fc.boolean()).map(([receiver, clui]): UipiEvent[] =>
    clui
      ? [{ type: 'Clui', receiver }]
      : [
          { type: 'Deliver', receiver },
          { type: 'HandlerBody', receiver },
          { type: 'Uiret', receiver },
        ],
  );
}

/** Two notifications raced with a switch, then a handler run or a CLUI, a send, and uintr_wait ((a) followed by a wait). */
function staleOnThenWait(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  return fc
    .tuple(raceSwitch(cfg), userChunk(cfg), sendPath(cfg), waitPaths(cfg))
    .map(([a, u, s, w]) => [...a, ...u, ...s, ...w]);
}

/** Storms of (a) followed by a wait, among switches and waits. */
function staleOnThenWaitStorm(cfg: UipiConfig, maxEvents: number): fc.Arbitrary<UipiEvent[]> {
  return stormOf(
    [
      { weight: 3, arbitrary: staleOnThenWait(cfg) },
      { weight: 1, arbitrary: switchAndExit(cfg) },
      { weight: 1, arbitrary: waitPaths(cfg) },
    ],
    maxEvents,
  );
}

/** Taking vector `v` at some CPU. */
const takes = (e: UipiEvent, v: number): boolean => e.type === 'Accept' && e.vector === v;
/** Some receiver is in uintr_wait. */
const anyWaits = (s: UipiState): boolean => s.receivers.some(inWaitPath);

const LINUX_FINDING_SCENARIOS: readonly LinuxFindingScenario[] = [
  {
    // (a) A send during processing re-sets ON; its IPI reaches the CPU after the switch-out's
    // XSAVES and is acked as spurious; the exit's PIR check sees PIR = 0: ON stays 1 at user level.
    id: 'a',
    property: 'uipiNoStuckOn',
    drain: 'fair',
    scenario: { name: 'stale ON after a spurious ack' },
  },
  {
    // (b1) The kernel-vector wake finds the receiver listed but not asleep: it clears `waiting`,
    // sets SN, unlinks it and wakes a running task (nothing); the receiver then sleeps for ever.
    id: 'b1',
    property: 'uipiWaitWakes',
    drain: 'fair',
    scenario: {
      name: 'wake before sleep',
      storm: waitStorm,
      witness: (s) => s.receivers.some((rc) => inWaitPath(rc) && !rc.waiting && !rc.listed),
    },
  },
  {
    // (b2) The kernel-vector IPI of a send after the NV switch is taken before the enlist: the
    // scan does not find the receiver; ON stays 1 and it sleeps, listed, SN = 0, never notified.
    // No 0xEC is taken, so the stuck ON can only come from that missed wake.
    id: 'b2',
    property: 'uipiWaitWakes',
    drain: 'fair',
    scenario: {
      name: 'kernel-vector IPI before the enlist',
      storm: waitStorm,
      allow: (_s, e) => !takes(e, NOTIFICATION_VECTOR),
      witness: (s) => stuckWaiter(s, false),
    },
  },
  {
    // (b3) A notification is processed while the receiver is in the kernel (CPL 0, nothing is
    // delivered): ON = 0, PIR = 0, the vector in UIRR, which XSAVES saves; nothing looks there.
    id: 'b3',
    property: 'uipiWaitWakes',
    drain: 'fair',
    scenario: {
      name: 'notification consumed in the kernel',
      storm: waitStorm,
      witness: (s) =>
        s.receivers.some((rc, r) => {
          const u = s.upids[r];
          return u !== undefined && inWaitPath(rc) && rc.waiting && !u.on && u.pir === 0n && rc.uirr !== 0n;
        }),
    },
  },
  {
    // (b4) (a)'s stale ON, then uintr_wait: the receiver sleeps with ON = 1 and SN = 0, and no
    // send notifies it. The stale ON arises before the wait (no 0xEC is taken while anyone
    // waits) and no kernel-vector wake runs.
    id: 'b4',
    property: 'uipiWaitWakes',
    drain: 'fair',
    scenario: {
      name: 'stale ON, then uintr_wait',
      storm: staleOnThenWaitStorm,
      allow: (s, e) => !takes(e, KERNEL_VECTOR) && !(takes(e, NOTIFICATION_VECTOR) && anyWaits(s)),
      witness: (s) => stuckWaiter(s, false),
    },
  },
  {
    // (b5, not in uipi-linux.md's list) A send just before the NV switch: its 0xEC IPI is still on
    // its way when the receiver sleeps and is acked as spurious on the CPU XSAVES left with
    // UINV = 0; ON stays 1, no kernel-vector wake ever comes. The loss research §1.9 gives for a
    // uintr_wait without re-check (M18), in the posted code. No 0xEC is taken before anyone waits.
    id: 'b5',
    property: 'uipiWaitWakes',
    drain: 'fair',
    scenario: {
      name: 'notification in flight across the NV switch',
      storm: waitStorm,
      allow: (s, e) => !takes(e, KERNEL_VECTOR) && !(takes(e, NOTIFICATION_VECTOR) && !anyWaits(s)),
      witness: (s) => stuckWaiter(s, false),
    },
  },
  {
    // (b6, not in uipi-linux.md's list) Preempted inside the uintr_wait syscall before 5(a): the
    // switch-out sets SN (the receiver is not waiting yet) and, back on a CPU, it goes on into
    // uintr_wait without an exit to user mode, the only place SN is cleared; it sleeps with
    // SN = 1, so every send only posts. Needs a preemptible kernel.
    id: 'b6',
    property: 'uipiWaitWakes',
    drain: 'fair',
    scenario: {
      name: 'preempted before the NV switch: asleep with SN = 1',
      storm: waitStorm,
      witness: (s) =>
        s.receivers.some((rc, r) => {
          const u = s.upids[r];
          return u !== undefined && inWaitPath(rc) && rc.waiting && u.sn;
        }),
    },
  },
];

/** The scenario of finding `id`. */
export function linuxFindingScenario(id: LinuxFindingId): LinuxFindingScenario {
  const f = LINUX_FINDING_SCENARIOS.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no linux-rfc-v1 finding ${id}`);
  return f;
}
