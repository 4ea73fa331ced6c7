/**
 * The compiled packed wakeup engine in WebAssembly (assembly/packedWasm.ts, compiled by asc into
 * packedWasm.wasm) and one instance of it set up for a layout.
 *
 * Where the .wasm lives, and how it is compiled once per process and instantiated per search:
 * engine/explore/wasm/wasmEngineModule.ts (shared with the UIPI engine's loader). `npm ci` builds
 * it (`prepare`); vitest's global setup rebuilds when a source is newer than dist/. The module is
 * compiled on the first search, or ahead of it by {@link precompilePackedWasm}.
 */
import { WasmEngineModule } from '../../../../engine/explore/wasm/wasmEngineModule.ts';
import { ERR } from '../../../controller/model/registers.ts';
import type { PackedLayout } from '../packed/packedLayout.ts';
import type { PackedMutation } from '../packed/packedMutation.ts';

/** What the module exports (assembly/packedWasm.ts); addresses are byte offsets in `memory`. */
export interface PackedWasm {
  readonly memory: { readonly buffer: ArrayBuffer };
  /** The layout's offsets, the configuration's bounds, the ERROR bits and the seeded bug's code (wasmLayout.ts). */
  configure(...fields: number[]): void;
  /** Allocates the buffers; the address to write a state at (the initial one, or one to expand). */
  start(): number;
  /** Searches, the store starting with room for `room` states (a power of two); 0 complete, 1 maxStates, 2 violation. */
  explore(maxStates: number, invariants: number, room: number): number;
  /** Writes the successors of the state at `start()`'s address at `output()`; how many. */
  expandInto(): number;
  output(): number;
  /** The address of the search's 9 answers (see {@link Answers}). */
  answers(): number;
}

/** The search's answers as wasmSearch.ts `answers` writes them, by index. */
export const Answers = {
  count: 0,
  transitions: 1,
  diameter: 2,
  bad: 3,
  badOnFetch: 4,
  badProperty: 5,
  statesAt: 6,
  parentsAt: 7,
  viasAt: 8,
} as const;

const FUNCTIONS = ['configure', 'start', 'explore', 'expandInto', 'output', 'answers'] as const;

/** packedWasm.wasm, compiled once per process (engine/explore/wasm/wasmEngineModule.ts). */
const ENGINE = new WasmEngineModule(new URL('./packedWasm.wasm', import.meta.url), 'packed wasm engine');

/**
 * Starts compiling packedWasm.wasm off this thread, so a command can overlap the compile with its
 * own start and its first search finds the module ready ({@link WasmEngineModule.precompile}).
 */
export function precompilePackedWasm(): Promise<void> {
  return ENGINE.precompile();
}

/** The code packedWasm.wasm knows each seeded bug by (0: none). */
function mutationCode(m: PackedMutation | undefined): number {
  switch (m) {
    case undefined:
      return 0;
    case 'wakeCopies':
      return 1;
    case 'stealsOffline':
      return 2;
    case 'finishWanders':
      return 3;
    case 'wedges':
      return 4;
  }
}

/** A fresh instance of the engine set up for layout `L` (and a seeded bug, tests only), its buffers allocated. */
export function packedWasmInstance(L: PackedLayout, mutation?: PackedMutation): PackedWasm {
  const w = ENGINE.instance(FUNCTIONS) as unknown as PackedWasm;
  const { cfg } = L;
  w.configure(
    L.width,
    L.ready,
    L.readyW,
    L.irqWait,
    L.waitW,
    L.irqPending,
    L.online,
    L.error,
    L.harts,
    L.tasks,
    cfg.processes,
    cfg.priorities,
    cfg.capacity,
    cfg.devices,
    cfg.waitDepth,
    cfg.pendingMax,
    cfg.taskPool,
    cfg.harts,
    ERR.QUEUE_FULL,
    ERR.WAIT_FULL,
    ERR.PENDING_OVERFLOW,
    mutationCode(mutation),
  );
  return w;
}
