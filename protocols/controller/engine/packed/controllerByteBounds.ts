/**
 * The largest value of every byte of a packed controller node (controllerPackedLayout.ts), from
 * the configuration alone, for the short key of the judged engine's store (byteKeyPacker.ts,
 * slotKeyStore.ts): a FIFO's length is at most its slots (C or B, the byte step refuses more), a
 * task id at most the pool, a waiter's process byte at most N (p + 1), a pending counter at most Q
 * (it saturates), a status bit, the ended bit 1, the error register and the error bits owed the
 * four bits of §5; the ghost's counts (outstanding instances, custody) a byte each, as
 * controllerGhostBytes.ts stores them. Padding is 0. A node above these is refused by the store,
 * never truncated; the seeded bugs (controllerPackedMutation.ts), which may break them, keep the
 * byte store.
 */
import { ERR } from '../../model/registers.ts';
import type { ControllerPackedLayout } from './controllerPackedLayout.ts';

/** Every error bit of §5. */
const ERROR_BITS = Object.values(ERR).reduce((a, b) => a | b, 0);

/** Per byte of a node of layout `L`: its largest value, and its name for an error. */
export function controllerByteBounds(L: ControllerPackedLayout): {
  readonly bounds: readonly number[];
  readonly names: readonly string[];
} {
  const { cfg } = L;
  const bounds = new Array<number>(L.width).fill(0);
  const names = Array.from({ length: L.width }, (_, b) => `padding byte ${b}`);
  const set = (at: number, bound: number, name: string): void => {
    bounds[at] = bound;
    names[at] = name;
  };
  /** `count` FIFOs of `slots` entries of `entry` bytes at `o` (`w` bytes each), named `what[i]`. */
  const fifos = (
    o: number,
    w: number,
    count: number,
    slots: number,
    what: string,
    entry: readonly number[],
  ) => {
    for (let i = 0; i < count; i++) {
      set(o + i * w, slots, `${what}[${i}] length`);
      for (let j = 0; j < slots; j++)
        for (const [e, bound] of entry.entries())
          set(o + i * w + 1 + j * entry.length + e, bound, `${what}[${i}] entry ${j} byte ${e}`);
    }
  };
  const NQ = cfg.processes * cfg.priorities;
  const NI = cfg.processes * cfg.ipcTypes;
  fifos(L.ready, L.readyW, NQ, cfg.capacity, 'ready', [cfg.taskPool]);
  fifos(L.irqWait, L.waitW, cfg.devices, cfg.waitDepth, 'irqWait', [cfg.processes, cfg.taskPool]);
  fifos(L.ipcWait, L.ipcW, NI, cfg.waitDepth, 'ipcWait', [cfg.taskPool]);
  for (let d = 0; d < cfg.devices; d++) set(L.irqPending + d, cfg.pendingMax, `irqPending[${d}]`);
  for (let i = 0; i < NI; i++) set(L.ipcPending + i, cfg.pendingMax, `ipcPending[${i}]`);
  for (let p = 0; p < cfg.processes; p++) set(L.online + p, 1, `online[${p}]`);
  set(L.error, ERROR_BITS, 'error');
  set(L.ended, 1, 'ended');
  set(L.outstanding, 255, 'ghost outstanding');
  set(L.errorSinceRead, ERROR_BITS, 'ghost errorSinceRead');
  for (let p = 0; p < cfg.processes; p++)
    for (let t = 0; t < cfg.taskPool; t++)
      set(L.custody + p * cfg.taskPool + t, 255, `ghost custody[${p}][task ${t + 1}]`);
  return { bounds, names };
}
