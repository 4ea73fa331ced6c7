/**
 * What the suite reports on linux-rfc-v1 (spec/uipi-linux.md "Findings the suite must report",
 * and two it does not list), as data for a findings table: the design, the upstream code and
 * place each comes from, the bug in one sentence, the property that reports it, and its saved
 * trace — the explorer's BFS-shortest run of that finding (engine/linuxFindingScenarios.ts narrows the
 * search to it) on the narrowed small preset. Every claim here is about the posted RFC v1 code as
 * uipi-linux.md transcribes it; "for ever" means: until a signal, or another waiter's kernel-vector
 * IRQ (the wake scans the whole list), or, in Intel's later tree [G], its 100 µs timer.
 */
/** The findings' names, as uipi-linux.md letters them (b5 and b6 are the suite's own). */
export type LinuxFindingId = 'a' | 'b1' | 'b2' | 'b3' | 'b4' | 'b5' | 'b6';

export interface UipiFinding {
  readonly design: 'linux-rfc-v1';
  readonly id: LinuxFindingId;
  /** The upstream source (uipi-linux.md's key) and the place in it. */
  readonly upstream: string;
  /** The bug, in one sentence. */
  readonly bug: string;
  /** The property that reports it (judged alone: engine/linuxFindingScenarios.ts). */
  readonly property: string;
  /** Its saved trace: the BFS-shortest run of the finding. */
  readonly trace: string;
  /** Whether uipi-linux.md lists it (b5 and b6 are the suite's own). */
  readonly inSpec: boolean;
  /**
   * The property the trace's replay with every property reports first, when it is not `property`:
   * (b4) passes through (a)'s stuck ON at user level before it sleeps.
   */
  readonly replayFailsFirst?: string;
}

export const LINUX_RFC_V1_FINDINGS: readonly UipiFinding[] = [
  {
    design: 'linux-rfc-v1',
    id: 'a',
    upstream: '[P07] switch_uintr_return (uintr_core.c hunk) with [P05] sysvec_uintr_spurious_interrupt',
    bug: 'A send inside notification processing re-sets ON, its IPI is dropped (acked as spurious after XSAVES, or aimed at the CPU the receiver left), and the exit to user checks PIR but not ON, so ON stays 1 at user level and every later send notifies no one until the next kernel exit.',
    property: 'uipiNoStuckOn',
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiNoStuckOn--a.itf.json',
    inSpec: true,
  },
  {
    design: 'linux-rfc-v1',
    id: 'b1',
    upstream:
      '[P11] uintr_receiver_wait (no re-check between list_add and schedule) with uintr_wake_up_process',
    bug: 'A send after the NV switch is woken by the kernel-vector IRQ while the waiter is listed but not yet asleep: the wake clears waiting, sets SN and unlinks it, wake_up_process does nothing to a running task, and the waiter then sleeps for ever with SN = 1.',
    property: 'uipiWaitWakes',
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiWaitWakes--b1.itf.json',
    inSpec: true,
  },
  {
    design: 'linux-rfc-v1',
    id: 'b2',
    upstream:
      '[P11] uintr_receiver_wait (NV switched before list_add) with uintr_wake_up_process (scans the list only)',
    bug: 'The kernel-vector IRQ of a send after the NV switch is taken before list_add, so the scan does not find the waiter; ON stays 1 and it sleeps listed with SN = 0, and no later send notifies it.',
    property: 'uipiWaitWakes',
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiWaitWakes--b2.itf.json',
    inSpec: true,
  },
  {
    design: 'linux-rfc-v1',
    id: 'b3',
    upstream: '[P11] uintr_receiver_wait (no look at ON, PIR or UIRR before schedule)',
    bug: 'A notification taken while the waiter is in the kernel moves the vector into UIRR (CPL 0: not delivered) and clears ON, XSAVES saves it, and nothing in uintr_wait looks at UIRR, so the waiter sleeps for ever with the vector; a re-check of ON and PIR alone would not see it.',
    property: 'uipiWaitWakes',
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiWaitWakes--b3.itf.json',
    inSpec: true,
  },
  {
    design: 'linux-rfc-v1',
    id: 'b4',
    upstream: '[P07] switch_uintr_return (PIR-only check) then [P11] uintr_receiver_wait',
    bug: 'After (a) the receiver calls uintr_wait: it sleeps with ON = 1 and SN = 0 over a posted vector, so no send ever sends the kernel-vector IPI and the delay of (a) becomes a lost wakeup.',
    property: 'uipiWaitWakes',
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiNoStuckOn--b4.itf.json',
    inSpec: true,
    replayFailsFirst: 'uipiNoStuckOn',
  },
  {
    design: 'linux-rfc-v1',
    id: 'b5',
    upstream:
      '[P11] uintr_receiver_wait (no re-check after the NV switch) with [P05] sysvec_uintr_spurious_interrupt',
    bug: 'A send just before the NV switch leaves its 0xEC IPI on its way while the waiter sleeps; it reaches a CPU whose UINV XSAVES cleared and is acked as spurious, so ON stays 1 with the vector in PIR and no kernel-vector IPI ever comes.',
    property: 'uipiWaitWakes',
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiWaitWakes--b5.itf.json',
    inSpec: false,
  },
  {
    design: 'linux-rfc-v1',
    id: 'b6',
    upstream:
      '[P07] switch_uintr_prepare (sets SN for a receiver not waiting) with [P11] uintr_receiver_wait (never clears SN)',
    bug: 'A receiver preempted inside the uintr_wait syscall before the NV switch gets SN = 1 at that switch-out and, back on a CPU, goes on into uintr_wait without the exit to user mode that clears SN, so it sleeps with SN = 1 and every send only posts (needs a preemptible kernel).',
    property: 'uipiWaitWakes',
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiWaitWakes--b6.itf.json',
    inSpec: false,
  },
];
