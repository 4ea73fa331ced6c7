/**
 * The compiled packed wakeup engine in WebAssembly (assembly/packedWasm.ts, compiled by asc into
 * packedWasm.wasm) and one instance of it set up for a layout.
 *
 * Decision (where the .wasm lives): scripts/build.mjs compiles it into THIS folder of the sources
 * (git-ignored), and its copy of the data files the modules read beside themselves puts it beside
 * this module in dist/ too, so one `new URL('./packedWasm.wasm', import.meta.url)` finds it from the
 * sources (vitest, tsx), from dist/ and from the bundled command line (whose `import.meta.url` is
 * each module's own emitted file). `npm ci` builds it (`prepare`); vitest's global setup rebuilds
 * when a source is newer than dist/. The module is compiled once per process (on the first search,
 * or ahead of it by {@link precompilePackedWasm}; engine/explore/wasm/wasmModuleFile.ts); each
 * search gets an instance of its own (fresh linear memory). The module holds the judged engine too
 * (judgedWasmExplore.ts), whose controller judge is an import: the packed engine's instances get
 * one that throws (the packed search never calls it).
 */
import { WasmModuleFile } from '../../../../engine/explore/wasm/wasmModuleFile.ts';
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

/** packedWasm.wasm, compiled once per process (engine/explore/wasm/wasmModuleFile.ts). */
const MODULE = new WasmModuleFile(new URL('./packedWasm.wasm', import.meta.url), 'packed wasm engine');

/** What the module imports (wasmStepJudge.ts's `controllerJudge`; see {@link packedWasmInstance}). */
export interface PackedWasmImports {
  /** AssemblyScript names an import's module after the file declaring it. */
  readonly wasmStepJudge: {
    readonly controllerJudge: (
      cur: number,
      next: number,
      acc: number,
      a: number,
      b: number,
      t: number,
      generation: number,
      index: number,
    ) => number;
  };
}

/** The packed engine's imports: its search never judges a controller access. */
const PACKED_IMPORTS: PackedWasmImports = {
  wasmStepJudge: {
    controllerJudge: () => {
      throw new Error('packed wasm engine: the controller judge called outside the judged engine');
    },
  },
};

/**
 * Starts compiling packedWasm.wasm off this thread, every function by TurboFan (WasmModuleFile's
 * `precompile` says how and why); the promise settles when it is.
 */
export function precompilePackedWasm(): Promise<void> {
  return MODULE.precompile();
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

/**
 * A fresh instance of the engine set up for layout `L` (and a seeded bug, tests only), not yet
 * started: `width` bytes per state (the judged engine's states carry a ghost after the layout's
 * bytes), `imports` the judged engine's controller judge.
 */
export function packedWasmInstance(
  L: PackedLayout,
  mutation?: PackedMutation,
  width: number = L.width,
  imports: PackedWasmImports = PACKED_IMPORTS,
): PackedWasm {
  const exports = MODULE.instance(imports, FUNCTIONS);
  const w = exports as unknown as PackedWasm;
  const { cfg } = L;
  w.configure(
    width,
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
