/**
 * What the suite reports on linux-rfc-v1 (spec/uipi-linux.md "Findings the suite must report",
 * (a) and (b1)–(b4), and two it does not list, (b5) and (b6); the findings table,
 * docs/findings.md): the upstream code and place each comes from, the bug in one sentence, the
 * property that reports it, and its saved trace — the explorer's BFS-shortest run of that finding
 * on the narrowed small preset. Each is hunted under its drain and narrowed to its scenario,
 * named by its letter (engine/linuxFindingScenarios.ts: which events the search may take, what
 * the state the drain started from must show). Every claim here is about the posted RFC v1 code
 * as uipi-linux.md transcribes it; "for ever" means: until a signal, or another waiter's
 * kernel-vector IRQ (the wake scans the whole list), or, in Intel's later tree [G], its 100 µs
 * timer.
 */
import type { Finding } from '../../../../model/finding.ts';

export const LINUX_RFC_V1_FINDINGS: readonly Finding[] = [
  {
    design: 'linux-rfc-v1',
    protocol: 'uipi',
    upstream: '[P07] switch_uintr_return (uintr_core.c hunk) with [P05] sysvec_uintr_spurious_interrupt',
    bug: 'A send inside notification processing re-sets ON, its IPI is dropped (acked as spurious after XSAVES, or aimed at the CPU the receiver left), and the exit to user checks PIR but not ON, so ON stays 1 at user level and every later send notifies no one until the next kernel exit.',
    property: 'uipiNoStuckOn',
    run: { drain: 'fair', scenario: 'a' },
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiNoStuckOn--a.itf.json',
  },
  {
    design: 'linux-rfc-v1',
    protocol: 'uipi',
    upstream:
      '[P11] uintr_receiver_wait (no re-check between list_add and schedule) with uintr_wake_up_process',
    bug: 'A send after the NV switch is woken by the kernel-vector IRQ while the waiter is listed but not yet asleep: the wake clears waiting, sets SN and unlinks it, wake_up_process does nothing to a running task, and the waiter then sleeps for ever with SN = 1.',
    property: 'uipiWaitWakes',
    run: { drain: 'fair', scenario: 'b1' },
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiWaitWakes--b1.itf.json',
  },
  {
    design: 'linux-rfc-v1',
    protocol: 'uipi',
    upstream:
      '[P11] uintr_receiver_wait (NV switched before list_add) with uintr_wake_up_process (scans the list only)',
    bug: 'The kernel-vector IRQ of a send after the NV switch is taken before list_add, so the scan does not find the waiter; ON stays 1 and it sleeps listed with SN = 0, and no later send notifies it.',
    property: 'uipiWaitWakes',
    run: { drain: 'fair', scenario: 'b2' },
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiWaitWakes--b2.itf.json',
  },
  {
    design: 'linux-rfc-v1',
    protocol: 'uipi',
    upstream: '[P11] uintr_receiver_wait (no look at ON, PIR or UIRR before schedule)',
    bug: 'A notification taken while the waiter is in the kernel moves the vector into UIRR (CPL 0: not delivered) and clears ON, XSAVES saves it, and nothing in uintr_wait looks at UIRR, so the waiter sleeps for ever with the vector; a re-check of ON and PIR alone would not see it.',
    property: 'uipiWaitWakes',
    run: { drain: 'fair', scenario: 'b3' },
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiWaitWakes--b3.itf.json',
  },
  {
    design: 'linux-rfc-v1',
    protocol: 'uipi',
    upstream: '[P07] switch_uintr_return (PIR-only check) then [P11] uintr_receiver_wait',
    bug: 'After (a) the receiver calls uintr_wait: it sleeps with ON = 1 and SN = 0 over a posted vector, so no send ever sends the kernel-vector IPI and the delay of (a) becomes a lost wakeup.',
    property: 'uipiWaitWakes',
    run: { drain: 'fair', scenario: 'b4' },
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiNoStuckOn--b4.itf.json',
    replayFailsFirst: 'uipiNoStuckOn',
  },
  {
    design: 'linux-rfc-v1',
    protocol: 'uipi',
    upstream:
      '[P11] uintr_receiver_wait (no re-check after the NV switch) with [P05] sysvec_uintr_spurious_interrupt',
    bug: 'A send just before the NV switch leaves its 0xEC IPI on its way while the waiter sleeps; it reaches a CPU whose UINV XSAVES cleared and is acked as spurious, so ON stays 1 with the vector in PIR and no kernel-vector IPI ever comes.',
    property: 'uipiWaitWakes',
    run: { drain: 'fair', scenario: 'b5' },
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiWaitWakes--b5.itf.json',
  },
  {
    design: 'linux-rfc-v1',
    protocol: 'uipi',
    upstream:
      '[P07] switch_uintr_prepare (sets SN for a receiver not waiting) with [P11] uintr_receiver_wait (never clears SN)',
    bug: 'A receiver preempted inside the uintr_wait syscall before the NV switch gets SN = 1 at that switch-out and, back on a CPU, goes on into uintr_wait without the exit to user mode that clears SN, so it sleeps with SN = 1 and every send only posts (needs a preemptible kernel).',
    property: 'uipiWaitWakes',
    run: { drain: 'fair', scenario: 'b6' },
    trace: 'traces/saved/uipi--linux-rfc-v1--uipiWaitWakes--b6.itf.json',
  },
];
