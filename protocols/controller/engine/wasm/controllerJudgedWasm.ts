/**
 * The judged controller engine run in WebAssembly: controllerJudgedExplore.ts's breadth-first
 * search over packed nodes, with the same successors (controllerByteStep.ts's rules and the
 * seeded bugs of controllerPackedMutation.ts), the same byte judge (packedControllerJudge.ts, every
 * access of the controller alphabet) and a byte store, compiled ahead of time by asc
 * (assembly/controllerWasm.ts and the modules it names, with the shared ones of
 * engine/explore/wasm/assembly/ and the controller judge wakeup's wasm engine uses too). A step the
 * byte judge does not judge (it answers -1; forgetsCustody's accepted writes) is stepped by
 * ControllerPackedSuccessors in JavaScript, the module's one import: the same successor and
 * verdict as the JavaScript engine's.
 *
 * Decision (what the wasm engine answers itself; engine/explore/wasm/wasmFirst.ts makes it): only a search that passes — the default
 * property selection (`defaultControllerPropertyIds` of the model: every controller-step property
 * but refinement, in registry order), no `maxStates`, no `everyTransition`, no `store` choice, no
 * seeded bug, every transition and every new state judged passing — is answered from the wasm
 * search's counts, which are then the JavaScript engine's (the same distinct states, transitions
 * and diameter). Anything else is handed to {@link exploreControllerJudged} for the whole answer:
 * a violation, any other selection or option, a configuration the layout cannot pack, and a search
 * whose wasm code traps (out of its 4 GB of linear memory, a FIFO past its slots), so a violation's
 * path, properties and counts are exactly the JavaScript engine's. The wasm pass still runs under a
 * seeded bug, so the tests can require it to find the bug. Progress is reported from the wasm
 * search at the states the JavaScript engine reports it (the search pauses right after the state
 * that makes a multiple of `progressEvery`); a search handed over after a violation is repeated
 * without reports (its progress was shown).
 */
import { progressPauses, SEARCH_PAUSED } from '../../../../engine/explore/wasm/progressPauses.ts';
import { WasmEngineModule } from '../../../../engine/explore/wasm/wasmEngineModule.ts';
import { wasmFirst } from '../../../../engine/explore/wasm/wasmFirst.ts';
import type { Config } from '../../model/config/config.ts';
import { toOperation } from '../../model/decode.ts';
import { ERR } from '../../model/registers.ts';
import type { ControllerStepProperty } from '../../properties/context.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../properties/index.ts';
import { defaultControllerPropertyIds } from '../../properties/selection.ts';
import { controllerAlphabet } from '../controllerAlphabet.ts';
import { ACCESS_OF_KIND, flatOp } from '../packed/controllerByteStep.ts';
import {
  type ControllerJudgedOptions,
  type ControllerJudgedOutcome,
  exploreControllerJudged,
} from '../packed/controllerJudgedExplore.ts';
import {
  type ControllerPackedLayout,
  controllerPackedLayout,
  controllerUnpackable,
} from '../packed/controllerPackedLayout.ts';
import type { ControllerPackedMutation } from '../packed/controllerPackedMutation.ts';
import { ControllerPackedSuccessors } from '../packed/controllerPackedSuccessors.ts';
import { ACC_NONE } from '../packed/packedAccess.ts';

/** controllerWasm.wasm, compiled once per process (engine/explore/wasm/wasmEngineModule.ts). */
const MODULE = new WasmEngineModule(
  new URL('./controllerWasm.wasm', import.meta.url),
  'controller wasm engine',
);

/**
 * Starts compiling controllerWasm.wasm off this thread, every function by TurboFan (WasmEngineModule's
 * `precompile` says how and why): the controller descriptor's `prepareExplore`.
 */
export function precompileControllerWasm(): Promise<void> {
  return MODULE.precompile();
}

/** What the module exports (assembly/controllerWasm.ts); addresses are byte offsets in `memory`. */
interface ControllerWasm {
  readonly memory: { readonly buffer: ArrayBuffer };
  /** The layout's offsets, the configuration's bounds, the ERROR bits and the seeded bug's code (wasmControllerLayout.ts). */
  configure(...fields: number[]): void;
  /** Room for the alphabet's `n` events, then each event's FlatOp and access code. */
  eventsInit(n: number): void;
  setEvent(k: number, kind: number, p: number, x: number, task: number, acc: number): void;
  /** The bits of the properties the byte judge judges, in its order (wasmControllerJudge.ts). */
  controllerBits(...bits: number[]): void;
  /** Allocates the buffers, the store with room for `states` states; the address to write a node at. */
  start(states: number): number;
  /** The search: begin, expand until `reportAt` states are known (1: paused) or it is over (0), finish (0 holds, 1 fails). */
  judgedBegin(): void;
  judgedSearch(reportAt: number): number;
  judgedFinish(): number;
  /** The address of the search's 8 answers (see {@link Answers}). */
  judgedAnswers(): number;
  /** Steps and judges every event from the node at `start()`'s address (tests); how many. */
  judgeInto(): number;
  output(): number;
  judgedBits(): number;
}

const FUNCTIONS = [
  'configure',
  'eventsInit',
  'setEvent',
  'controllerBits',
  'start',
  'judgedBegin',
  'judgedSearch',
  'judgedFinish',
  'judgedAnswers',
  'judgeInto',
  'output',
  'judgedBits',
] as const;

/** The search's answers as wasmControllerSearch.ts `judgedAnswers` writes them, by index. */
const Answers = {
  count: 0,
  transitions: 1,
  diameter: 2,
  state: 3,
  event: 4,
  failedDistinct: 5,
  head: 6,
  jsCalls: 7,
} as const;

/** The byte judge's properties, in its order (packedControllerJudge.ts:70-79). */
export const JUDGED_BY_BYTES: readonly string[] = (
  'strictPriority fifoWithinPriority taskConservation processIsolation emptyMeansEmpty capacityBound ' +
  'errorReporting noLostWakeup noSpuriousWakeup wakePriority'
).split(' ');

/** The bits of controller properties `ids` (their indices among CONTROLLER_STEP_PROPERTIES, as PackedControllerJudge's bits). */
export function controllerBitsOf(ids: readonly string[]): number {
  let bits = 0;
  for (const id of ids) {
    const i = CONTROLLER_STEP_PROPERTIES.findIndex((p) => p.id === id);
    if (i < 0 || i > 30) throw new Error(`judged wasm engine: no controller property ${id}`);
    bits |= 1 << i;
  }
  return bits;
}

/** The code wasmControllerLayout.ts knows each seeded bug by (0: none). */
function mutationCode(m: ControllerPackedMutation | undefined): number {
  switch (m) {
    case undefined:
      return 0;
    case 'forgetsCustody':
      return 1;
    case 'keepsOldReady':
      return 2;
    case 'readKeepsError':
      return 3;
    case 'sendCountsBesideHandler':
      return 4;
    case 'sendKeepsHandler':
      return 5;
    case 'sendWakesLow':
      return 6;
  }
}

/** What the wasm search found, before any hand-over: it passed, or where a step or new state failed. */
export interface ControllerWasmPass {
  readonly kind: 'holds' | 'stepFails';
  /** States and transitions found (up to where it stopped; on a failure, the states the JavaScript engine counts), and the diameter. */
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
  /** For a failure, the state the step was taken from and the event's index (else -1). */
  readonly state: number;
  readonly event: number;
  /** Steps judged in JavaScript (the byte judge answered -1, or forgetsCustody's accepted writes). */
  readonly jsCalls: number;
}

/** How {@link controllerWasmPass} runs. */
export interface ControllerWasmPassOptions {
  /** A seeded bug (tests only). */
  readonly mutation?: ControllerPackedMutation;
  /** The states the store has room for before its first grow (a power of two; default 2^16, controllerJudgedExplore.ts's). */
  readonly room?: number;
  /** Called as exploreControllerJudged calls it: every `progressEvery` distinct states and when the search ends without a violation. */
  readonly onProgress?: ControllerJudgedOptions['onProgress'];
  readonly progressEvery?: number;
}

/** controllerJudgedExplore.ts:68 INITIAL_STATES. */
const ROOM = 1 << 16;

/** A wasm instance set up for `cfg` (its layout, alphabet, properties' bits and a seeded bug), started; the address to write a node at. */
function controllerInstance(
  cfg: Config,
  properties: readonly ControllerStepProperty[],
  mutation: ControllerPackedMutation | undefined,
  room: number,
): { readonly w: ControllerWasm; readonly input: number; readonly L: ControllerPackedLayout } {
  const L = controllerPackedLayout(cfg);
  const n = L.width >> 2;
  let memory: { readonly buffer: ArrayBuffer } | null = null;
  let succ: ControllerPackedSuccessors | null = null;
  let loadedGen = -1;
  let loadedAt = -1;
  const imports = {
    wasmControllerStep: {
      controllerStepInJs: (
        cur: number,
        next: number,
        k: number,
        index: number,
        stateOnce: number,
        generation: number,
      ): number => {
        if (memory === null) throw new Error('controller wasm engine: stepped before its instance was made');
        succ ??= new ControllerPackedSuccessors(cfg, properties, mutation ?? null);
        if (generation !== loadedGen || cur !== loadedAt) {
          succ.loadWords(new Int32Array(memory.buffer, cur, n), 0);
          loadedGen = generation;
          loadedAt = cur;
        }
        const violations = succ.step(k, index, stateOnce === 1);
        new Uint8Array(memory.buffer, next, L.width).set(succ.bytes);
        return violations === undefined ? 0 : controllerBitsOf(violations.map((v) => v.property));
      },
    },
  };
  const w = MODULE.instance(FUNCTIONS, imports) as unknown as ControllerWasm; // its functions checked by instance()
  memory = w.memory;
  w.configure(
    L.width,
    L.ready,
    L.readyW,
    L.irqWait,
    L.waitW,
    L.irqPending,
    L.ipcWait,
    L.ipcW,
    L.ipcPending,
    L.online,
    L.error,
    L.ended,
    L.outstanding,
    L.errorSinceRead,
    L.custody,
    cfg.processes,
    cfg.priorities,
    cfg.capacity,
    cfg.devices,
    cfg.waitDepth,
    cfg.pendingMax,
    cfg.taskPool,
    cfg.ipcTypes,
    ERR.QUEUE_FULL,
    ERR.WAIT_FULL,
    ERR.PENDING_OVERFLOW,
    ERR.BAD_ACCESS,
    mutationCode(mutation),
  );
  const events = controllerAlphabet(cfg);
  w.eventsInit(events.length);
  events.forEach((e, k) => {
    const f = flatOp(toOperation(cfg, e));
    w.setEvent(k, f.kind, f.p, f.x, f.task, ACCESS_OF_KIND[f.kind] ?? ACC_NONE);
  });
  w.controllerBits(...JUDGED_BY_BYTES.map((id) => controllerBitsOf([id])));
  const input = w.start(room);
  return { w, input, L };
}

/** The initial node's bytes (controllerPackedSuccessors.ts `initial`). */
function initialNode(cfg: Config, properties: readonly ControllerStepProperty[]): Uint8Array {
  return new ControllerPackedSuccessors(cfg, properties).initial().slice();
}

/** The wasm search alone on `cfg` (see above), whatever it finds; for {@link exploreControllerJudgedWasm}, the tests and the benchmark. */
export function controllerWasmPass(
  cfg: Config,
  properties: readonly ControllerStepProperty[],
  opts: ControllerWasmPassOptions = {},
): ControllerWasmPass {
  if (!defaultSelection(properties))
    throw new Error('controller wasm engine: it judges the default selection only');
  const { w, input, L } = controllerInstance(cfg, properties, opts.mutation, opts.room ?? ROOM);
  new Uint8Array(w.memory.buffer, input, L.width).set(initialNode(cfg, properties));
  /** The search's answers now (read afresh: the memory may have grown since). */
  const at = (i: number): number => new Int32Array(w.memory.buffer, w.judgedAnswers(), 8)[i] ?? 0;
  const every = opts.progressEvery ?? 50_000;
  const report = (queue: number): void =>
    opts.onProgress?.({
      distinct: at(Answers.count),
      transitions: at(Answers.transitions),
      queue,
      depth: at(Answers.diameter),
    });
  // controllerJudgedExplore.ts:137: a report whenever the store's count reaches a multiple of
  // `every` (the wasm search pauses right after that state), and one when it ends without a violation
  w.judgedBegin();
  progressPauses(
    (reportAt) => w.judgedSearch(reportAt),
    SEARCH_PAUSED,
    every,
    opts.onProgress === undefined
      ? undefined
      : () => {
          const count = at(Answers.count);
          report(count - at(Answers.head) - 1);
          return count;
        },
  );
  const fails = w.judgedFinish() === 1;
  if (!fails) report(0);
  return {
    kind: fails ? 'stepFails' : 'holds',
    distinct: at(fails ? Answers.failedDistinct : Answers.count),
    transitions: at(Answers.transitions),
    diameter: at(Answers.diameter),
    state: fails ? at(Answers.state) : -1,
    event: fails ? at(Answers.event) : -1,
    jsCalls: at(Answers.jsCalls),
  };
}

/** Whether `properties` is the model's default selection, in registry order (the one the wasm judge reads). */
function defaultSelection(properties: readonly ControllerStepProperty[]): boolean {
  return properties.map((p) => p.id).join() === defaultControllerPropertyIds(undefined).join();
}

/** Explores the controller model on `cfg` judging `properties` as {@link exploreControllerJudged} does, in WebAssembly when it can (see above). */
export function exploreControllerJudgedWasm(
  cfg: Config,
  properties: readonly ControllerStepProperty[],
  opts: ControllerJudgedOptions = {},
): ControllerJudgedOutcome {
  const own =
    defaultSelection(properties) &&
    controllerUnpackable(cfg) === null &&
    opts.maxStates === undefined &&
    opts.everyTransition !== true &&
    opts.store === undefined;
  if (!own) return exploreControllerJudged(cfg, properties, opts);
  return wasmFirst(
    opts,
    () => controllerWasmPass(cfg, properties, opts),
    (o) => exploreControllerJudged(cfg, properties, o),
    (counts) => ({ kind: 'complete', ...counts }),
  );
}

/** One node's successors as the wasm engine steps them, and its verdicts on them. */
export interface ControllerWasmSuccessors {
  /** Per event of the alphabet, the successor's bytes (the ghost advanced where the step passes). */
  readonly successors: readonly Uint8Array[];
  /** The failing properties' bits of each step, every verdict judged on it (controllerBitsOf's bits). */
  readonly bits: readonly number[];
  /** The bits of the verdicts on each successor alone (controllerPackedSuccessors.ts `stateViolations`). */
  readonly stateBits: readonly number[];
}

/** A stepper of single nodes in WebAssembly (tests): `of(node)` steps every event of the alphabet from the packed node as step 0. */
export function controllerWasmSuccessors(
  cfg: Config,
  properties: readonly ControllerStepProperty[],
  mutation?: ControllerPackedMutation,
): { of(node: Uint8Array): ControllerWasmSuccessors } {
  if (!defaultSelection(properties))
    throw new Error('controller wasm engine: it judges the default selection only');
  const { w, input, L } = controllerInstance(cfg, properties, mutation, 16);
  return {
    of(node) {
      new Uint8Array(w.memory.buffer, input, L.width).set(node);
      const n = w.judgeInto();
      const out = new Uint8Array(w.memory.buffer, w.output(), n * L.width);
      const bits = new Int32Array(w.memory.buffer, w.judgedBits(), 2 * n);
      return {
        successors: Array.from({ length: n }, (_, i) => out.slice(i * L.width, (i + 1) * L.width)),
        bits: Array.from({ length: n }, (_, i) => bits[2 * i] ?? -1),
        stateBits: Array.from({ length: n }, (_, i) => bits[2 * i + 1] ?? -1),
      };
    },
  };
}
