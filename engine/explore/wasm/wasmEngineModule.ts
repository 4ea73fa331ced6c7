/**
 * One compiled WebAssembly engine (a protocol's `engine/wasm/*Wasm.wasm`, compiled from its
 * AssemblyScript `assembly/` by scripts/build.mjs) as its loader uses it: the module compiled once
 * per process, on this thread at the first search or ahead of it off this thread, and a fresh
 * instance (fresh linear memory) per search, its exports checked. Shared by the wakeup loader
 * (protocols/wakeup/engine/wasm/packedWasmModule.ts) and the UIPI one
 * (protocols/uipi/engine/wasm/uipiWasmModule.ts), which differ only in their exports and set-up.
 *
 * Decision (where the .wasm lives): scripts/build.mjs compiles it into the loader's folder of the
 * sources (git-ignored), and its copy of the data files the modules read beside themselves puts
 * it beside the loader in dist/ too, so the loader's URL of its .wasm (relative to its own `import.meta.url`) finds
 * it from the sources (vitest, tsx), from dist/ and from the bundled command line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

/** The part of the WebAssembly JS API used here (the project's lib, ES2022, does not declare it). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly compile: (bytes: Uint8Array) => Promise<object>;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
const WASM = (globalThis as unknown as { readonly WebAssembly: WasmApi }).WebAssembly;

/** An engine's .wasm file, compiled once per process, and its instances. */
export class WasmEngineModule {
  /** The .wasm file, and what error messages call the engine. */
  private readonly file: URL;
  private readonly name: string;
  /** The compiled module (or its compile under way, from {@link precompile}). */
  private compiled: object | null = null;
  private compiling: Promise<void> | null = null;

  constructor(file: URL, name: string) {
    this.file = file;
    this.name = name;
  }

  /** The .wasm file's bytes (a missing file is a one-line error saying how to build it). */
  private bytes(): Uint8Array {
    try {
      return readFileSync(fileURLToPath(this.file));
    } catch {
      throw new Error(`${this.name}: ${fileURLToPath(this.file)} is missing; run \`npm run build\``);
    }
  }

  /** The module, compiled on this thread once per process. */
  private module(): object {
    if (this.compiled === null) this.compiled = new WASM.Module(this.bytes());
    return this.compiled;
  }

  /**
   * Starts compiling the module off this thread (`WebAssembly.compile`), every function by
   * TurboFan before the first runs (V8's `--no-liftoff --no-wasm-lazy-compilation`, set here: by
   * default V8 compiles each function at its first call, by Liftoff, and recompiles the hot ones
   * later, on the search's time), so a command overlaps the compile with its own start and its
   * first search finds the module ready; the promise settles when it is. Decision: the flags are
   * the process's from then on; they change only how WebAssembly is compiled, and intcheck runs no
   * other WebAssembly than its engines.
   */
  precompile(): Promise<void> {
    if (this.compiling === null) {
      setFlagsFromString('--no-liftoff');
      setFlagsFromString('--no-wasm-lazy-compilation');
      this.compiling = WASM.compile(this.bytes()).then((m) => {
        this.compiled ??= m;
      });
    }
    return this.compiling;
  }

  /**
   * A fresh instance's exports (given the module's `imports`), with every name of `functions` a
   * function and an exported memory checked (else an error naming what is missing); the caller
   * types them.
   */
  instance(functions: readonly string[], imports: object = {}): Record<string, unknown> {
    const { exports } = new WASM.Instance(this.module(), imports);
    for (const name of functions)
      if (typeof exports[name] !== 'function') throw new Error(`${this.name}: no export ${name}`);
    const memory = exports.memory;
    if (typeof memory !== 'object' || memory === null || !('buffer' in memory))
      throw new Error(`${this.name}: no exported memory`);
    return exports;
  }
}

/**
 * `search()`, with a wasm trap (a WebAssembly.RuntimeError) said in words by `why` (what traps
 * in that engine: out of linear memory, a state its successor function refuses).
 */
export function trapsExplained<T>(name: string, why: string, search: () => T): T {
  try {
    return search();
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'RuntimeError') throw e;
    throw new Error(`${name}: the search trapped (${e.message}): ${why}`);
  }
}
