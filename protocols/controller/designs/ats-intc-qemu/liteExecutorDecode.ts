/**
 * Address decoding of the QEMU device ("lite executor", upstream ats-intc-qemu, spec/controller.md
 * §7): where an access lands, in the order QEMU and the device's callbacks look at it, before the
 * device applies what it does there (LiteExecutor). The configuration says only where the window
 * starts; every size is QEMU's own constant. Line numbers are those of the upstream files
 * hw/ats/riscv_lite_executor.c, hw/ats/util.c and include/hw/ats/riscv_lite_executor.h.
 */
import type { Config } from '../../model/config/config.ts';

/** The device's fixed sizes (riscv_lite_executor.h). */
export const LITE = {
  /** riscv_lite_executor.h:12 MAX_TASK_QUEUE: ready queues per group (util.c:64-68). */
  taskQueues: 8,
  /** riscv_lite_executor.h:14 MAX_ONLINE_STRUCT_GROUP: queue groups and pages online from realize. */
  groups: 4,
  /** riscv_lite_executor.h:15 MAX_PROCESS: status-table entries (riscv_lite_executor.c:231). */
  pages: 16,
  /** riscv_lite_executor.h:16 MAX_EXTERNAL_INTR: waiter queues per group (util.c:98). */
  lines: 16,
  /** riscv_lite_executor.h:18: the window QEMU routes to the device (riscv_lite_executor.c:224-225). */
  windowBytes: 0x100_0000n,
  /** riscv_lite_executor.h:22 PROCESS_MMIO_SIZE: one page per process. */
  pageBytes: 0x1000n,
  /** riscv_lite_executor.h:37 PS_ENQUEUE_MMIO_OFFSET: ENQUEUE_k at 0x008 + 8k. */
  enqueueArea: 0x008,
  /** riscv_lite_executor.h:29 IPC_HANDLER_MMIO_OFFSET: 0x800–0x8FF. */
  ipcArea: 0x800,
  /** riscv_lite_executor.h:31 EXTERNAL_INTERRUPT_HANDLER_MMIO_OFFSET: 0x900 to the page's end. */
  eihArea: 0x900,
} as const;

/** Where one 64-bit access lands in the QEMU device. */
export type LiteAccess =
  /**
   * Never reaches the device: outside its 16 MiB window, or not 8-byte aligned. The ops accept
   * only 8-byte accesses and do not allow unaligned ones (riscv_lite_executor.c:185-188), so
   * QEMU's memory core refuses the others before a callback runs. The suite models that as a
   * read of 0 and a write with no effect (the CPU would take an access fault, which the suite
   * has no observation for).
   */
  | { readonly kind: 'unrouted' }
  /** A page ≥ 16: `assert(process_index < MAX_PROCESS)` fails (riscv_lite_executor.c:51, :122). */
  | { readonly kind: 'badPage'; readonly page: number }
  /**
   * Pages 4–15: realize puts only pages 0–3 online (riscv_lite_executor.c:233-240) and nothing
   * can change that (no STATUS register is decoded), so a read returns 0 (:53-57) and a write is
   * dropped (:124-128) before the offset is looked at.
   */
  | { readonly kind: 'offline'; readonly page: number }
  /** 0x000–0x007: DEQUEUE on a read (riscv_lite_executor.c:63-75); a write is only logged (:134-137). */
  | { readonly kind: 'dequeue'; readonly group: number }
  /**
   * 0x008–0x7FF, ENQUEUE_queue for queue 0..254: a read returns 0 (riscv_lite_executor.c:77-83);
   * a write asserts queue < 8 (:142) and pushes (:146-148).
   */
  | { readonly kind: 'enqueue'; readonly group: number; readonly queue: number }
  /** 0x800–0x8FF (IPC_SEND, IPC_REGISTER_t): reads 0 (riscv_lite_executor.c:85-100), writes logged (:152-165). */
  | { readonly kind: 'ipc'; readonly group: number }
  /**
   * 0x900–0xFFF, the waiter area of line 0..223 (ERROR 0xF00 is line 192, STATUS 0xF08 line 193):
   * a read returns 0 (riscv_lite_executor.c:101-108); a write pushes onto the group's waiter
   * queue `line` (:166-178), which exists only for line < 16 (util.c:98, :108).
   */
  | { readonly kind: 'eih'; readonly group: number; readonly line: number };

const UNROUTED: LiteAccess = Object.freeze({ kind: 'unrouted' });

/**
 * Decodes `addr` in the order the device sees it: QEMU's routing (window, alignment), then the
 * page bound (assert), then the page's online bit, then the offset (riscv_lite_executor.c:48-60,
 * :119-131). A page's queue group is the page itself: realize maps page i to group i for i < 4
 * (:238, `proc_status_add_map`), and the callbacks index the groups by that map (:58, :129).
 */
export function decodeLite(cfg: Config, addr: bigint): LiteAccess {
  const rel = addr - cfg.base;
  // Reading: §7's "a read returns 0, a write has no effect"; QEMU refuses such an access and the CPU faults.
  if (rel < 0n || rel >= LITE.windowBytes || (rel & 7n) !== 0n) return UNROUTED;
  const page = Number(rel / LITE.pageBytes);
  if (page >= LITE.pages) return { kind: 'badPage', page };
  if (page >= LITE.groups) return { kind: 'offline', page };
  const off = Number(rel % LITE.pageBytes);
  if (off < LITE.enqueueArea) return { kind: 'dequeue', group: page };
  if (off < LITE.ipcArea) return { kind: 'enqueue', group: page, queue: (off - LITE.enqueueArea) / 8 };
  if (off < LITE.eihArea) return { kind: 'ipc', group: page };
  return { kind: 'eih', group: page, line: (off - LITE.eihArea) / 8 };
}
