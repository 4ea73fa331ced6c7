/**
 * linux-rfc-v1's refinement map to the model's state (reference/absUintr.ts for the hardware):
 * a thread's phase from its task state and kernel path (linuxThread.ts linuxPhase), its state
 * loaded only between the XRSTORS of its exit and its XSAVES, the kernel's own `waiting` flag
 * and wait-list membership, and a CPU whose UPIDADDR is the other receiver's as running it. It is
 * not a refinement of the model (the design deliberately differs); the guarantees are judged on it.
 */
import type { UipiState } from '../../model/state.ts';
import { absUintr } from '../reference/absUintr.ts';
import type { LinuxRfcV1Machine } from './linuxRfcV1Machine.ts';
import { linuxPhase } from './linuxThread.ts';

/** The model state `m` stands for. */
export function absLinux(m: LinuxRfcV1Machine): UipiState {
  return absUintr(
    m,
    m.threads.map((t) => ({ ...t, phase: linuxPhase(t), listed: t.onWaitList })),
    (c) => m.runsOther(c),
  );
}
