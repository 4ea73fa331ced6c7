/**
 * The packed UIPI engine run in WebAssembly (beside uipiPackedExplore.ts; what `explore --protocol
 * uipi` runs for the model alone, through exploreUipiPackedReport.ts):
 * the same breadth-first search, admissions (covering, the default, or keyed), successors in the
 * same order, step judge and leads-to drain, compiled ahead of time by asc (assembly/), so a
 * fresh process searches at full speed at once rather than after V8 has optimised the
 * JavaScript. It answers the same {@link UipiPackedOutcome}.
 *
 * Decision (what wasm answers): only a search that passes. The wasm search counts the distinct
 * nodes, transitions and diameter of a complete search; at the first step or drain that does not
 * pass (a selected step property's bit on words, a falling slack, a liveness verdict on words)
 * it only stops, and the JavaScript engine (exploreUipiPacked) runs the whole search again and
 * gives the answer, so a violation's path, properties, counts and every error are exactly the
 * JavaScript engine's. Options the wasm search has no port of hand over the same way, before it
 * starts: `maxStates`, `leftOut`, `owedUnkeyed`, a property the wasm judge or drain
 * does not read, a configuration the packed layout cannot hold. A seeded bug (`mutation`) is
 * ported: the wasm search takes the same wrong steps and fails where the JavaScript one does.
 *
 * Progress (`onProgress`, the command line's progress line): the wasm search pauses between two
 * expansions once `progressEvery` more nodes are admitted and reports the counts then (distinct
 * nodes, transitions, the nodes not yet expanded, the diameter), and once at the end. The
 * JavaScript engine reports at exactly every `progressEvery`-th node once the nodes before it
 * passed their leads-to check (the object engine's states); the wasm search drains in batches, so
 * its reports are the counts at the pause instead — the same kind of line, at slightly different
 * states. A search handed over to JavaScript after the wasm pass reported is repeated there
 * without reports (its progress was shown), as the judged wakeup engine does.
 */
import { progressPauses } from '../../../../engine/explore/wasm/progressPauses.ts';
import { trapsExplained } from '../../../../engine/explore/wasm/wasmEngineModule.ts';
import type { UipiConfig } from '../../model/config.ts';
import { initialUipi } from '../../model/state.ts';
import { initialCredit, initialOwed } from '../../properties/ghost.ts';
import type { UipiSelection } from '../../properties/selection.ts';
import { uipiKeyedMasks } from '../packed/keyedAdmission.ts';
import {
  exploreUipiPacked,
  type UipiPackedOptions,
  type UipiPackedOutcome,
} from '../packed/uipiPackedExplore.ts';
import {
  encodeUipiGhost,
  encodeUipiState,
  type UipiPackedLayout,
  uipiKeyMasks,
  uipiUnpackable,
} from '../packed/uipiPackedLayout.ts';
import { uipiWasmInstance, wasmLivenessBits, wasmStepBits } from './uipiWasmModule.ts';

/** The nodes the tables have room for before they first grow (a power of two; tests make it small). */
const ROOM = 1 << 16;

/** Whether the options ask for something the wasm search has no port of (see above). */
function unported(opts: UipiPackedOptions): boolean {
  return opts.maxStates !== undefined || opts.leftOut !== undefined || opts.owedUnkeyed === true;
}

/** Writes the initial node of `L`'s configuration (key words, then ghost words) at `at`. */
function writeInitial(L: UipiPackedLayout, buffer: ArrayBuffer, at: number): void {
  const cfg = L.cfg;
  encodeUipiState(
    L,
    initialUipi(cfg),
    new Array<boolean>(L.receivers).fill(false),
    new Int32Array(buffer, at, L.words),
  );
  encodeUipiGhost(L, initialOwed(cfg), initialCredit(cfg), new Int32Array(buffer, at + 4 * L.words, L.ghost));
}

/**
 * Explores the UIPI model on `cfg` judging `sel`, in WebAssembly where the search passes, else by
 * the JavaScript engine (see above); `room`: the nodes the wasm tables make room for before they
 * first grow (a power of two).
 */
export function exploreUipiPackedWasm(
  cfg: UipiConfig,
  sel: UipiSelection,
  opts: UipiPackedOptions = {},
  room = ROOM,
): UipiPackedOutcome {
  if (!wasmAnswers(cfg, sel, opts)) return exploreUipiPacked(cfg, sel, opts);
  // a search handed over after the wasm pass reported progress is repeated without reports
  const { onProgress: _reported, ...again } = opts;
  return searchUipiWasm(cfg, sel, opts, room) ?? exploreUipiPacked(cfg, sel, again);
}

/** Whether the wasm search can answer `opts` on `cfg` judging `sel` if it passes (see above). */
function wasmAnswers(cfg: UipiConfig, sel: UipiSelection, opts: UipiPackedOptions): boolean {
  return (
    !unported(opts) &&
    wasmStepBits(sel.step.map((p) => p.id)) !== null &&
    wasmLivenessBits(sel.liveness.map((p) => p.id)) !== null &&
    uipiUnpackable(cfg) === null
  );
}

/**
 * The wasm search alone: the complete outcome of a search that passes, or null where the search
 * is handed over to JavaScript (an option not ported, or a step or drain that does not pass).
 */
export function searchUipiWasm(
  cfg: UipiConfig,
  sel: UipiSelection,
  opts: UipiPackedOptions = {},
  room = ROOM,
): UipiPackedOutcome | null {
  const stepBits = wasmStepBits(sel.step.map((p) => p.id));
  const liveness = opts.liveness !== false && sel.liveness.length > 0;
  const livenessBits = wasmLivenessBits(sel.liveness.map((p) => p.id));
  if (!wasmAnswers(cfg, sel, opts) || stepBits === null || livenessBits === null) return null;
  const { w, L, at } = uipiWasmInstance(cfg, stepBits, livenessBits, opts.mutation ?? null);
  writeInitial(L, w.memory.buffer, at);
  const covering = opts.covering !== false;
  const masks = covering ? uipiKeyMasks(L) : uipiKeyedMasks(L);
  const masksAt = w.keyMasks(masks.length) >>> 0;
  new Int32Array(w.memory.buffer, masksAt, masks.length).set(masks);
  /** The counts now (read afresh: the memory may have grown). */
  const counts = (): { distinct: number; transitions: number; diameter: number } => {
    const answers = w.answers() >>> 0;
    const ints = new Int32Array(w.memory.buffer, answers, 2);
    return {
      distinct: ints[0] ?? 0,
      transitions: new Float64Array(w.memory.buffer, answers + 8, 1)[0] ?? 0,
      diameter: ints[1] ?? 0,
    };
  };
  const every = opts.progressEvery ?? 50_000;
  const { onProgress } = opts;
  const kind = trapsExplained(
    'packed UIPI wasm engine',
    'out of linear memory, or a node uipiPackedSuccessors.ts refuses',
    () => {
      if (w.uipiBegin(covering ? 1 : 0, liveness ? 1 : 0, room, masksAt, masks.length) !== 0) return 1;
      // a progress report between two expansions once `every` more nodes are admitted (see above)
      return progressPauses(
        (reportAt) => w.uipiSearch(reportAt),
        2,
        every,
        onProgress === undefined
          ? undefined
          : () => {
              const c = counts();
              onProgress({
                distinct: c.distinct,
                transitions: c.transitions,
                queue: c.distinct - w.uipiHead(),
                depth: c.diameter,
              });
              return c.distinct;
            },
      );
    },
  );
  if (kind !== 0) return null;
  const c = counts();
  onProgress?.({ distinct: c.distinct, transitions: c.transitions, queue: 0, depth: c.diameter });
  return { kind: 'complete', ...c };
}
