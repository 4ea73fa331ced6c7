/**
 * The judged wakeup engine run in WebAssembly (beside judgedExplore.ts; what `explore
 * --protocol wakeup` runs for the model alone, through exploreJudgedProtocol.ts): the same breadth-first search over packed states with their ghost, the same step judge
 * (the controller access judge's verdicts remembered as controllerJudgeMemo.ts does, the wakeup
 * step properties and state invariants read from the bytes) and the same lazy leads-to check over
 * the explored graph, compiled ahead of time by asc (assembly/wasmJudgedSearch.ts and the modules
 * it names), the controller access judge included (wasmControllerJudge.ts, a port of
 * packedControllerJudge.ts's judge and ghost advance). Where that one answers -1 (a queue change it
 * does not read) a memo miss calls PackedControllerJudge here in JavaScript (the module's one
 * import), over views of the wasm memory, and its judgeAccessObjects fallback; `controller: 'js'`
 * sends every memo miss there (the port's first form, for the benchmark and the tests).
 *
 * Decision (what the wasm engine answers itself; engine/explore/wasm/wasmFirst.ts makes it): only a search that passes — the default
 * property selection (`defaultWakeupPropertyIds` of the model: every controller and wakeup step
 * property and noLostWakeupEventually), no `maxStates`, the lazy leads-to
 * check (not `judgeDrainSteps`, not `liveness: false`), no seeded bug, every transition judged
 * passing and the leads-to check answering "holds" — is answered from the wasm search's counts,
 * which are then the JavaScript engine's. Anything else is handed to {@link exploreJudged} for
 * the whole answer: a step or state violation, a leads-to check that fails or cannot follow a
 * drain (exploreJudged repeats those with the exact drain), any other selection or option. So
 * the paths, ids and counts of a violation are exactly the JavaScript engine's (and so is a search
 * whose wasm code traps: out of its 4 GB of linear memory, or a state the successors refuse); the wasm pass
 * still runs under a seeded bug, so the tests can require it to find the bug. Progress is reported
 * from the wasm search at the states exploreJudged reports it (the search pauses between two
 * expansions once `progressEvery` more states are known); a search handed over after a violation
 * is repeated without reports, as exploreJudged repeats its own (its progress was shown).
 */
import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import { progressPauses, SEARCH_PAUSED } from '../../../../engine/explore/wasm/progressPauses.ts';
import { wasmFirst } from '../../../../engine/explore/wasm/wasmFirst.ts';
import type { PackedAccess } from '../../../controller/engine/packed/packedAccess.ts';
import { PackedControllerJudge } from '../../../controller/engine/packed/packedControllerJudge.ts';
import { controllerBitsOf, JUDGED_BY_BYTES } from '../../../controller/engine/wasm/controllerJudgedWasm.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import { defaultWakeupPropertyIds, type WakeupSelection } from '../../properties/selection.ts';
import {
  exploreJudged,
  type JudgedOptions,
  type JudgedOutcome,
  judgedInitial,
  judgedLayout,
} from '../packed/judgedExplore.ts';
import { judgeAccessObjects } from '../packed/objectAccessJudge.ts';
import type { PackedGhostLayout } from '../packed/packedGhost.ts';
import type { PackedMutation } from '../packed/packedMutation.ts';
import { PackedSuccessors } from '../packed/packedSuccessors.ts';
import { type PackedWasm, type PackedWasmImports, packedWasmInstance } from './packedWasmModule.ts';

/** The judged engine's exports beside the packed engine's (assembly/packedWasm.ts). */
interface JudgedWasm extends PackedWasm {
  configureGhost(...offsets: number[]): void;
  judgedStart(drainBound: number, states: number, nodes: number): void;
  /** Searches; see {@link PASS_KINDS}. */
  exploreJudged(): number;
  /** The same search in three parts: begin, expand until `reportAt` states are known (1: paused) or the search is over (0), finish (see {@link PASS_KINDS}). */
  judgedBegin(): void;
  judgedSearch(reportAt: number): number;
  judgedFinish(): number;
  /** The address of the search's 8 answers (see {@link JudgedAnswers}). */
  judgedAnswers(): number;
  /** Judges the successors of the state at `start()`'s address into `output()` and `judgedBits()`; how many. */
  judgeInto(): number;
  /** Judges one step (the state at `start()`'s address, its successor at `output()`'s, these access and hart fields) into `output()` and `judgedBits()`. */
  judgeStep(
    acc: number,
    a: number,
    b: number,
    t: number,
    hart: number,
    isReturn: number,
    isFetch: number,
    switchTo: number,
    poll: number,
  ): number;
  judgedBits(): number;
  /** 1 when a drain ending at the state at `start()`'s address (at quiescence when `reached` is 1) passes the end verdict. */
  judgeEnd(reached: number): number;
  /** 1: judge every memo miss in JavaScript. */
  judgeInJavaScript(js: number): void;
  /** The bits of the properties packedControllerJudge.ts judges itself, in its order. */
  controllerBits(...bits: number[]): void;
}

/** The judged engine's functions the module must export. */
const JUDGED_FUNCTIONS = [
  'configureGhost',
  'judgedStart',
  'exploreJudged',
  'judgedBegin',
  'judgedSearch',
  'judgedFinish',
  'judgedAnswers',
  'judgeInto',
  'judgeStep',
  'judgedBits',
  'judgeEnd',
  'judgeInJavaScript',
  'controllerBits',
] as const;

/** The judged search's answers as wasmJudgedSearch.ts `judgedAnswers` writes them, by index. */
const JudgedAnswers = {
  count: 0,
  transitions: 1,
  diameter: 2,
  state: 3,
  event: 4,
  ctrlCalls: 5,
  remembered: 6,
  jsCalls: 8,
  head: 9,
} as const;

/** What wasmJudgedSearch.ts `exploreJudged` answers, by its code. */
const PASS_KINDS = ['holds', 'stepFails', 'leadsToFails', 'leadsToUnknown'] as const;

/** What the wasm search found, before any hand-over: it passed, or where it stopped. */
export interface JudgedWasmPass {
  readonly kind: (typeof PASS_KINDS)[number];
  /** States and transitions found (up to where it stopped), and the diameter of the states found. */
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
  /** For a failing step, the state it was taken from and the event's index; for a failing drain, its state (else -1). */
  readonly state: number;
  readonly event: number;
  /** The controller judge's calls (memo misses), those made in JavaScript, and the accesses taken from the memo. */
  readonly ctrlCalls: number;
  readonly jsCalls: number;
  readonly remembered: number;
}

/** Where a memo miss is judged: in wasm (PackedControllerJudge in JavaScript only where that one cannot), or always in JavaScript. */
export type ControllerJudgeIn = 'wasm' | 'js';

/** How {@link judgedWasmPass} runs (the defaults are {@link exploreJudgedWasm}'s). */
export interface JudgedWasmPassOptions {
  /** A seeded bug (tests only). */
  readonly mutation?: PackedMutation;
  /** Where memo misses are judged (default 'wasm'). */
  readonly controller?: ControllerJudgeIn;
  /**
   * The states the store and leads-to tables make room for before their first grow, and the memo's
   * nodes (powers of two; default packedStore.ts's 2^17 and controllerJudgeMemo.ts's 2^13, which
   * small never outgrows; tests make them small so every table grows).
   */
  readonly room?: { readonly states: number; readonly nodes: number };
  /** Called as exploreJudged calls it: every `progressEvery` distinct states (between two expansions) and when the search ends without a violation. */
  readonly onProgress?: (p: ExploreProgress) => void;
  /** Distinct states between two progress reports (default 50,000, exploreJudged's). */
  readonly progressEvery?: number;
}

/** The JavaScript engine's first rooms (packedStore.ts INITIAL, controllerJudgeMemo.ts INITIAL_NODES). */
const ROOM = { states: 1 << 17, nodes: 1 << 13 };

/** The byte judge's properties in its order and their bits (the controller wasm engine's, shared; re-exported for the tests). */
export { controllerBitsOf, JUDGED_BY_BYTES };

/** The access a memo miss judges, as PackedControllerJudge reads it (its state a view of the wasm memory). */
class WasmAccess implements PackedAccess {
  cur: Uint8Array = new Uint8Array(0);
  generation = 0;
  acc = 0;
  accA = 0;
  accB = 0;
  accTask = 0;
}

/**
 * A judged wasm instance for ghost layout `G`, selection `sel` and a seeded bug, started, and the
 * address to write a state at (the initial one, or the one `judgeInto` judges the successors of).
 */
function judgedInstance(
  G: PackedGhostLayout,
  sel: WakeupSelection,
  opts: JudgedWasmPassOptions,
): { readonly w: JudgedWasm; readonly input: number } {
  if (!defaultSelection(sel)) throw new Error('judged wasm engine: it judges the default selection only');
  const ctrl = new PackedControllerJudge(G, sel.controller, sel.liveness.length > 0);
  const access = new WasmAccess();
  const fallback = new PackedSuccessors(G.L, undefined, G.width);
  let memory: { readonly buffer: ArrayBuffer } | null = null;
  let buffer: ArrayBuffer | null = null;
  let curAt = -1;
  let nextAt = -1;
  let next = new Uint8Array(0);
  const imports: PackedWasmImports = {
    wasmStepJudge: {
      controllerJudge: (cur, nextAddr, acc, a, b, t, generation, index) => {
        if (memory === null) throw new Error('judged wasm engine: judged before its instance was made');
        if (memory.buffer !== buffer || cur !== curAt || nextAddr !== nextAt) {
          buffer = memory.buffer;
          curAt = cur;
          nextAt = nextAddr;
          access.cur = new Uint8Array(buffer, cur, G.width);
          next = new Uint8Array(buffer, nextAddr, G.width);
        }
        access.generation = generation;
        access.acc = acc;
        access.accA = a;
        access.accB = b;
        access.accTask = t;
        const bits = ctrl.judge(access.cur, next, access);
        if (bits >= 0) return bits;
        fallback.acc = acc;
        fallback.accA = a;
        fallback.accB = b;
        fallback.accTask = t;
        const ids = judgeAccessObjects(G, sel, access.cur, next, fallback, index);
        return ids === null ? -1 : controllerBitsOf(ids);
      },
    },
  };
  const packed = packedWasmInstance(G.L, opts.mutation, G.width, imports);
  const exports: object = packed;
  for (const name of JUDGED_FUNCTIONS)
    if (!(name in exports) || typeof Reflect.get(exports, name) !== 'function')
      throw new Error(`judged wasm engine: no export ${name}`);
  const w = packed as JudgedWasm; // its functions checked just above
  memory = w.memory;
  w.configureGhost(G.start, G.outstanding, G.errorSinceRead, G.custody, G.undelivered, G.woken, G.wokenW);
  w.judgeInJavaScript(opts.controller === 'js' ? 1 : 0);
  w.controllerBits(...JUDGED_BY_BYTES.map((id) => controllerBitsOf([id])));
  const input = w.start();
  const room = opts.room ?? ROOM;
  w.judgedStart(G.L.cfg.drainBound, room.states, room.nodes);
  return { w, input };
}

/** The wasm search alone on `cfg` (see above), whatever it finds; for {@link exploreJudgedWasm}, the tests and the benchmark. */
export function judgedWasmPass(
  cfg: Config,
  sel: WakeupSelection,
  opts: JudgedWasmPassOptions = {},
): JudgedWasmPass {
  const G = judgedLayout(cfg);
  const { w, input } = judgedInstance(G, sel, opts);
  new Uint8Array(w.memory.buffer, input, G.width).set(judgedInitial(G));
  /** The search's answers now (read afresh: the memory may have grown since). */
  const at = (i: number): number => new Int32Array(w.memory.buffer, w.judgedAnswers(), 10)[i] ?? 0;
  const every = opts.progressEvery ?? 50_000;
  const report = (queue: number): void =>
    opts.onProgress?.({
      distinct: at(JudgedAnswers.count),
      transitions: at(JudgedAnswers.transitions),
      queue,
      depth: at(JudgedAnswers.diameter),
    });
  // judgedExplore.ts's `run`: a report whenever `every` more states are known, between two
  // expansions (the wasm search pauses there), and one when the search ends without a violation
  w.judgedBegin();
  progressPauses(
    (reportAt) => w.judgedSearch(reportAt),
    SEARCH_PAUSED,
    every,
    opts.onProgress === undefined
      ? undefined
      : () => {
          const count = at(JudgedAnswers.count);
          report(count - at(JudgedAnswers.head));
          return count;
        },
  );
  const code = w.judgedFinish();
  if (code !== PASS_KINDS.indexOf('stepFails')) report(0);
  const kind = PASS_KINDS[code];
  if (kind === undefined) throw new Error(`judged wasm engine: search answered ${code}`);
  return {
    kind,
    distinct: at(JudgedAnswers.count),
    transitions: at(JudgedAnswers.transitions),
    diameter: at(JudgedAnswers.diameter),
    state: at(JudgedAnswers.state),
    event: at(JudgedAnswers.event),
    ctrlCalls: at(JudgedAnswers.ctrlCalls),
    jsCalls: at(JudgedAnswers.jsCalls),
    remembered: at(JudgedAnswers.remembered),
  };
}

/** Whether `sel` is the model's default selection, in registry order (the one the wasm judge reads). */
function defaultSelection(sel: WakeupSelection): boolean {
  const ids = [...sel.controller, ...sel.step, ...sel.liveness].map((p) => p.id);
  return ids.join() === defaultWakeupPropertyIds(undefined).join();
}

/** Explores the wakeup model on `cfg` judging `sel` as {@link exploreJudged} does, in WebAssembly when it can (see above). */
export function exploreJudgedWasm(
  cfg: Config,
  sel: WakeupSelection,
  opts: JudgedOptions = {},
): JudgedOutcome {
  const own =
    defaultSelection(sel) &&
    opts.maxStates === undefined &&
    opts.judgeDrainSteps !== true &&
    opts.liveness !== false;
  if (!own) return exploreJudged(cfg, sel, opts);
  return wasmFirst(
    opts,
    () => judgedWasmPass(cfg, sel, opts),
    (o) => exploreJudged(cfg, sel, o),
    (counts) => ({ kind: 'complete', ...counts }),
  );
}

/** One state's successors as the wasm judge leaves them (system bytes then ghost) and its verdicts on them. */
export interface JudgedWasmSuccessors {
  readonly successors: readonly Uint8Array[];
  /** packedStepJudge.ts's bits (the step's and the successor state's). */
  readonly bits: readonly number[];
  /** The failing controller properties' bits ({@link controllerBitsOf}). */
  readonly ctrlBits: readonly number[];
}

/** What a step is besides its two states, as {@link PackedSuccessors} exposes it (packedSuccessors.ts:77-100). */
export type JudgedWasmStepFields = Pick<
  PackedSuccessors,
  'acc' | 'accA' | 'accB' | 'accTask' | 'hart' | 'isReturn' | 'isFetch' | 'switchTo' | 'poll'
>;

/** One step as the wasm judge leaves it: the successor with its ghost advanced, and its verdicts. */
export interface JudgedWasmStep {
  /** The successor (system bytes then ghost) after the judge. */
  readonly next: Uint8Array;
  /** packedStepJudge.ts's bits (the step's and the successor state's). */
  readonly bits: number;
  /** The failing controller properties' bits ({@link controllerBitsOf}). */
  readonly ctrlBits: number;
  /** Whether the controller access was judged in JavaScript (the wasm byte judge answered -1), not in wasm or by the memo. */
  readonly inJavaScript: boolean;
}

/**
 * A judge of single states in WebAssembly (tests): `of(state)` writes every successor of the packed
 * state with its ghost, judged by the wasm step judge (the memo kept across calls, as one
 * PackedStepJudge keeps it; `opts` as for {@link judgedWasmPass}), and its verdict bits; `endHolds` is the leads-to check's verdict on a
 * drain ending at the state (wasmLeadsTo.ts endHolds); `step(cur, next, fields)` judges one given
 * step (wasmJudgedSearch.ts judgeStep: `next` with `cur`'s ghost, the step's fields as
 * PackedSuccessors had them), as PackedStepJudge's stepFailures then stateFailures do, each call a
 * fresh state for the judge (its memo kept).
 */
export function judgedWasmSuccessors(
  cfg: Config,
  sel: WakeupSelection,
  opts: JudgedWasmPassOptions = {},
): {
  of(state: Uint8Array): JudgedWasmSuccessors;
  endHolds(state: Uint8Array, reached: boolean): boolean;
  step(cur: Uint8Array, next: Uint8Array, fields: JudgedWasmStepFields): JudgedWasmStep;
} {
  const G = judgedLayout(cfg);
  const { w, input } = judgedInstance(G, sel, opts);
  return {
    of(state) {
      new Uint8Array(w.memory.buffer, input, G.width).set(state);
      const n = w.judgeInto();
      const out = new Uint8Array(w.memory.buffer, w.output(), n * G.width);
      const bits = new Int32Array(w.memory.buffer, w.judgedBits(), 2 * n);
      return {
        successors: Array.from({ length: n }, (_, i) => out.slice(i * G.width, (i + 1) * G.width)),
        bits: Array.from({ length: n }, (_, i) => bits[2 * i] ?? -1),
        ctrlBits: Array.from({ length: n }, (_, i) => bits[2 * i + 1] ?? -1),
      };
    },
    endHolds(state, reached) {
      new Uint8Array(w.memory.buffer, input, G.width).set(state);
      return w.judgeEnd(reached ? 1 : 0) === 1;
    },
    step(cur, next, f) {
      const jsCalls = (): number =>
        new Int32Array(w.memory.buffer, w.judgedAnswers(), 10)[JudgedAnswers.jsCalls] ?? 0;
      const before = jsCalls();
      new Uint8Array(w.memory.buffer, input, G.width).set(cur);
      new Uint8Array(w.memory.buffer, w.output(), G.width).set(next);
      const bits = w.judgeStep(
        f.acc,
        f.accA,
        f.accB,
        f.accTask,
        f.hart,
        f.isReturn ? 1 : 0,
        f.isFetch ? 1 : 0,
        f.switchTo,
        f.poll,
      );
      const verdict = new Int32Array(w.memory.buffer, w.judgedBits(), 2);
      return {
        next: new Uint8Array(w.memory.buffer, w.output(), G.width).slice(),
        bits,
        ctrlBits: verdict[1] ?? -1,
        inJavaScript: jsCalls() !== before,
      };
    },
  };
}
