/**
 * The compiled packed wakeup engine in WebAssembly (assembly/packedWasm.ts, compiled by asc into
 * packedWasm.wasm) and one instance of it set up for a layout.
 *
 * Where the .wasm lives, and how it is compiled once per process (ahead of the first search, by
 * TurboFan, with {@link precompilePackedWasm}) and instantiated per search:
 * engine/explore/wasm/wasmEngineModule.ts (shared with the UIPI engine's loader). `npm ci` builds
 * it (`prepare`); vitest's global setup rebuilds when a source is newer than dist/. The module
 * holds the judged engine too (judgedWasmExplore.ts), whose controller judge is an import: the
 * packed engine's instances get one that throws (the packed search never calls it).
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
  /** `explore` in three: the store with the initial state; expand until over (0) or paused before expanding state `reportAt - 1` (1); the answer `explore` gives. */
  begin(maxStates: number, invariants: number, room: number): void;
  search(reportAt: number): number;
  finish(): number;
  /** The state `search` paused before expanding, and the depth of the successors last visited. */
  searchHead(): number;
  searchDepth(): number;
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

const FUNCTIONS = [
  'configure',
  'start',
  'explore',
  'begin',
  'search',
  'finish',
  'searchHead',
  'searchDepth',
  'expandInto',
  'output',
  'answers',
] as const;

/** packedWasm.wasm, compiled once per process (engine/explore/wasm/wasmEngineModule.ts). */
const ENGINE = new WasmEngineModule(new URL('./packedWasm.wasm', import.meta.url), 'packed wasm engine');

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
 * Starts compiling packedWasm.wasm off this thread, every function by TurboFan before the first
 * runs, so a command overlaps the compile with its own start and its first search finds the
 * module ready, as pan's search starts after gcc ({@link WasmEngineModule.precompile}, which says
 * why V8's flags are set for that). On wakeup small (bench/wasmFirstSearch.ts,
 * docs/exploration.md) this made the first judged search 57-72 ms against 81-94 ms compiled at
 * its first call.
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
  const w = ENGINE.instance(FUNCTIONS, imports) as unknown as PackedWasm;
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
