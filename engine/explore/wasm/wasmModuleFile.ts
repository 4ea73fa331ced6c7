/**
 * One compiled WebAssembly engine beside its loader (a .wasm that scripts/build.mjs compiles from
 * AssemblyScript into the loader's folder: the wakeup engine's packedWasm.wasm, the controller's
 * controllerWasm.wasm), compiled once per process, on its first instance or ahead of it off this
 * thread ({@link WasmModuleFile.precompile}); each search makes an instance of its own (fresh
 * linear memory).
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

/** Sets V8's flags for compiling every wasm function by TurboFan before the first runs (see {@link WasmModuleFile.precompile}). */
let flagsSet = false;

/** A .wasm file's module, compiled once per process, and its instances. */
export class WasmModuleFile {
  private compiled: object | null = null;
  private compiling: Promise<void> | null = null;

  /** The module at `url` (the loader's URL of the .wasm beside it, from its `import.meta.url`), `engine` naming it in errors. */
  constructor(
    private readonly url: URL,
    private readonly engine: string,
  ) {}

  /** The file's bytes (a missing file is a one-line error saying how to build it). */
  private bytes(): Uint8Array {
    try {
      return readFileSync(fileURLToPath(this.url));
    } catch {
      throw new Error(`${this.engine}: ${fileURLToPath(this.url)} is missing; run \`npm run build\``);
    }
  }

  /**
   * Starts compiling the module off this thread (`WebAssembly.compile`), every function by
   * TurboFan before the first runs (V8's `--no-liftoff --no-wasm-lazy-compilation`, set here: by
   * default V8 compiles each function at its first call, by Liftoff, and recompiles the hot ones
   * later, on the search's time), so a command overlaps the compile with its own start and its
   * first search finds the module ready, as pan's search starts after gcc. The promise settles
   * when it is. Decision: the flags are the process's from then on; they change only how
   * WebAssembly is compiled, and intcheck runs no other WebAssembly than its engines'. On wakeup
   * small (bench/wasmFirstSearch.ts, docs/exploration.md) this made the first judged search
   * 57-72 ms against 81-94 ms compiled at its first call.
   */
  precompile(): Promise<void> {
    if (this.compiling === null) {
      if (!flagsSet) {
        setFlagsFromString('--no-liftoff');
        setFlagsFromString('--no-wasm-lazy-compilation');
        flagsSet = true;
      }
      this.compiling = WASM.compile(this.bytes()).then((m) => {
        this.compiled ??= m;
      });
    }
    return this.compiling;
  }

  /**
   * A fresh instance's exports with `imports`, each of `functions` checked to be a function and
   * the memory to be exported (the module compiled on this thread if not yet).
   */
  instance(imports: object, functions: readonly string[]): Record<string, unknown> {
    if (this.compiled === null) this.compiled = new WASM.Module(this.bytes());
    const { exports } = new WASM.Instance(this.compiled, imports);
    for (const name of functions)
      if (typeof exports[name] !== 'function') throw new Error(`${this.engine}: no export ${name}`);
    const memory = exports.memory;
    if (typeof memory !== 'object' || memory === null || !('buffer' in memory))
      throw new Error(`${this.engine}: no exported memory`);
    return exports;
  }
}
