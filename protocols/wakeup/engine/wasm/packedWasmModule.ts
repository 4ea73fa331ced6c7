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
 * or ahead of it by {@link precompilePackedWasm}); each search gets an
 * instance of its own (fresh linear memory). The module holds the judged engine too
 * (judgedWasmExplore.ts), whose controller judge is an import: the packed engine's instances get
 * one that throws (the packed search never calls it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
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

/** The part of the WebAssembly JS API used here (the project's lib, ES2022, does not declare it). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly compile: (bytes: Uint8Array) => Promise<object>;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
const WASM = (globalThis as unknown as { readonly WebAssembly: WasmApi }).WebAssembly;

const WASM_FILE = new URL('./packedWasm.wasm', import.meta.url);

/** The compiled module, once per process (or its compile under way, from {@link precompilePackedWasm}). */
let compiled: object | null = null;
let compiling: Promise<void> | null = null;

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

/** packedWasm.wasm's bytes (a missing file is a one-line error saying how to build it). */
function wasmBytes(): Uint8Array {
  try {
    return readFileSync(fileURLToPath(WASM_FILE));
  } catch {
    throw new Error(`packed wasm engine: ${fileURLToPath(WASM_FILE)} is missing; run \`npm run build\``);
  }
}

/** Compiles packedWasm.wasm on this thread, once per process. */
function packedWasmModule(): object {
  if (compiled === null) compiled = new WASM.Module(wasmBytes());
  return compiled;
}

/**
 * Starts compiling packedWasm.wasm off this thread (`WebAssembly.compile`), every function by
 * TurboFan before the first runs (V8's `--no-liftoff --no-wasm-lazy-compilation`, set here: by
 * default V8 compiles each function at its first call, by Liftoff, and recompiles the hot ones
 * later, on the search's time), so a command overlaps the compile with its own start and its
 * first search finds the module ready, as pan's search starts after gcc. The promise settles when
 * it is. Decision: the flags are the process's from then on; they change only how WebAssembly is
 * compiled, and intcheck runs no other WebAssembly. On wakeup small (bench/wasmFirstSearch.ts,
 * docs/exploration.md) this made the first judged search 57-72 ms against 81-94 ms compiled at
 * its first call.
 */
export function precompilePackedWasm(): Promise<void> {
  if (compiling === null) {
    setFlagsFromString('--no-liftoff');
    setFlagsFromString('--no-wasm-lazy-compilation');
    compiling = WASM.compile(wasmBytes()).then((m) => {
      compiled ??= m;
    });
  }
  return compiling;
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
  const { exports } = new WASM.Instance(packedWasmModule(), imports);
  for (const name of FUNCTIONS)
    if (typeof exports[name] !== 'function') throw new Error(`packed wasm engine: no export ${name}`);
  const memory = exports.memory;
  if (typeof memory !== 'object' || memory === null || !('buffer' in memory))
    throw new Error('packed wasm engine: no exported memory');
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
