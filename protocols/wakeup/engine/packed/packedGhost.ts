/**
 * The checker's ghost data as bytes, appended to a packed wakeup state for the judged engine
 * (judgedExplore.ts): exactly the verdict-relevant parts the explorer's key holds
 * (engine/explore/ghostKey.ts), so packed states are equal exactly when the explorer's keys are.
 * Controller ghost: outstanding instances, the error bits owed since the last ERROR read, and the
 * custody count of every (process, task id); the bits owed per process register stay 0 (the wakeup
 * system's controller has one global register) and are not stored (encoding refuses any other
 * value). Wakeup ghost: the number of interrupts owed a wake per line, and which task ids were
 * woken and have not run since (one bit per task id: bit (t - 1) % 8 of byte (t - 1) >> 3). Step
 * numbers, kept by the object ghosts only for messages, are not stored: a violation's path is
 * re-run through the wakeup runner, whose messages name them.
 */
import {
  type ControllerGhostBytes,
  decodeControllerGhost,
  encodeControllerGhost,
  taskIndex,
  toByte,
} from '../../../controller/engine/packed/controllerGhostBytes.ts';
import type { MutableControllerGhost } from '../../../controller/properties/ghost.ts';
import type { MutableWakeupGhost } from '../../properties/ghost.ts';
import type { PackedLayout } from './packedLayout.ts';

/** Offsets of the ghost bytes after a packed system state of one layout. */
export interface PackedGhostLayout extends ControllerGhostBytes {
  readonly L: PackedLayout;
  /** Bytes of a state with its ghost (a multiple of 4). */
  readonly width: number;
  /** The first ghost byte (= L.width: the system bytes come first). */
  readonly start: number;
  readonly outstanding: number;
  readonly errorSinceRead: number;
  /** custody[p][t - 1] at `custody + p * taskPool + t - 1`. */
  readonly custody: number;
  /** One byte per line: the interrupts on it owed a wake. */
  readonly undelivered: number;
  /** Bit (t - 1) % 8 of byte `woken + ((t - 1) >> 3)` is set when task t was woken and has not run since. */
  readonly woken: number;
  /** Bytes of the woken bits. */
  readonly wokenW: number;
}

/** The ghost layout after `L`. */
export function packedGhostLayout(L: PackedLayout): PackedGhostLayout {
  const { cfg } = L;
  const start = L.width;
  const outstanding = start;
  const errorSinceRead = outstanding + 1;
  const custody = errorSinceRead + 1;
  const undelivered = custody + cfg.processes * cfg.taskPool;
  const woken = undelivered + cfg.devices;
  const wokenW = (cfg.taskPool + 7) >> 3;
  const width = Math.ceil((woken + wokenW) / 4) * 4;
  const { processes, taskPool } = cfg;
  return {
    L,
    processes,
    taskPool,
    width,
    start,
    outstanding,
    errorSinceRead,
    custody,
    undelivered,
    woken,
    wokenW,
  };
}

/** Writes the verdict-relevant parts of both ghosts into `b` (the ghost bytes of one state). */
export function encodeGhosts(
  G: PackedGhostLayout,
  b: Uint8Array,
  cg: MutableControllerGhost,
  wg: MutableWakeupGhost,
): void {
  const { cfg } = G.L;
  b.fill(0, G.start, G.width);
  encodeControllerGhost(G, b, 0, cg);
  for (let d = 0; d < cfg.devices; d++)
    b[G.undelivered + d] = toByte(wg.undelivered[d]?.length ?? 0, 'undelivered');
  for (const t of wg.wokenNotRun.keys()) {
    const i = taskIndex(cfg.taskPool, t);
    b[G.woken + (i >> 3)] = (b[G.woken + (i >> 3)] ?? 0) | (1 << (i & 7));
  }
}

/**
 * The ghosts the bytes of `b` stand for (inverse of {@link encodeGhosts} on what it keeps): the
 * step numbers it does not keep read 0 (an owed interrupt's step, a wake's step) or -1 (the first
 * step an error bit was owed), and the interrupt and overflow tallies read 0; no verdict reads them.
 */
export function decodeGhosts(
  G: PackedGhostLayout,
  b: Uint8Array,
): { cg: MutableControllerGhost; wg: MutableWakeupGhost } {
  const { cfg } = G.L;
  const at = (i: number): number => b[i] ?? 0;
  const cg = decodeControllerGhost(G, b, 0);
  const wokenNotRun = new Map<bigint, number>();
  for (let i = 0; i < cfg.taskPool; i++)
    if ((at(G.woken + (i >> 3)) & (1 << (i & 7))) !== 0) wokenNotRun.set(BigInt(i + 1), 0);
  const wg: MutableWakeupGhost = {
    undelivered: Array.from({ length: cfg.devices }, (_, d) =>
      new Array<number>(at(G.undelivered + d)).fill(0),
    ),
    interrupts: new Array<number>(cfg.devices).fill(0),
    overflowed: new Array<number>(cfg.devices).fill(0),
    wokenNotRun,
  };
  return { cg, wg };
}
