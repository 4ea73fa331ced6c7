/**
 * The published ATS-INTC QEMU device (upstream ats-intc-qemu, spec/controller.md §7) as a named
 * implementation: LiteExecutor, the storms it supports, and its driver.
 *
 * IPC. The device has no IPC at all: IPC_SEND and IPC_REGISTER_t writes are only logged
 * (riscv_lite_executor.c:152-165), and nothing about offline processes is involved (pages 0–3 are
 * online from realize for good). What the IPC and syscall properties report on it follows from
 * that alone: under the syscall system the dispatchers the runtime registers at boot are held
 * nowhere, so taskConservation fails at the first step (the controller holds none of the accepted
 * registrations); a system call's IPC_SEND wakes no dispatcher and counts nothing, so
 * noLostIpcWakeup fails in the drain and everyRequestAnswered at quiescence; offlineRetention
 * holds, vacuously, because no send is ever to a process offline in abs().
 */

import { findingProperties } from '../../../../model/finding.ts';
import { ACK } from '../../model/result.ts';
import type { ControllerImpl } from '../device.ts';
import { drive } from '../drive.ts';
import { ATS_INTC_QEMU_FINDINGS } from './findings.ts';
import { LiteExecutor } from './liteExecutor.ts';
import { LITE } from './liteExecutorDecode.ts';
import { liteExecutorStorm } from './liteExecutorStorm.ts';

/** The `ats-intc-qemu` entry of the implementation registry. */
export const atsIntcQemu: ControllerImpl = {
  name: 'ats-intc-qemu',
  description:
    'Published ATS-INTC QEMU device: unbounded FIFOs, every interrupt pulse pops twice and only process 0’s waiters, no IPC, no error bits, asserts abort.',
  // Every property that reports one of its findings (findings.ts).
  expectedViolations: findingProperties(ATS_INTC_QEMU_FINDINGS),
  findings: ATS_INTC_QEMU_FINDINGS,
  // Pages 0–3 are online from realize and each has its own queue group; pages 4–15 drop every
  // write (riscv_lite_executor.c:233-240), so a system can use processes 0–3 only. ENQUEUE_k
  // with k ≥ 8 and a line ≥ 16 stop QEMU (:142, :202). Raw accesses of the storms still reach
  // the other registers of these pages, the ones that assert or write past an array included.
  supports: { processes: LITE.groups, priorities: LITE.taskQueues, devices: LITE.lines, refines: false },
  create: (cfg) => new LiteExecutor(cfg),
  // The reference storms on what it supports, plus raw accesses across its whole window, where
  // a page ≥ 16 stops QEMU (liteExecutorStorm.ts).
  storm: liteExecutorStorm,
  // The driver of software written for this device. The device has no STATUS register: pages
  // 0–3 are online from realize and nothing changes that (riscv_lite_executor.c:233-240), so
  // "bring process p online / take it offline" needs no access, and the driver makes none.
  // Offset 0xF08 is not ignored by the device: a write there is IRQ_REGISTER of line 193,
  // past the waiter array (undefined, LiteExecutor.write); raw storm writes still reach it.
  drive: (cfg, device, e) => {
    // Reading: §7 is silent on StatusWrite; it makes no access (online is set at realize only, :233-240).
    if (e.type !== 'StatusWrite') return drive(cfg, device, e);
    return device instanceof LiteExecutor ? device.noAccess() : ACK;
  },
};
