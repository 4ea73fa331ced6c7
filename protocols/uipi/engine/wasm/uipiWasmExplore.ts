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
 * Decision (what specifies): the JavaScript engine's step judge and its tables stay the
 * specification. The wasm code sets its search up itself from the configuration's numbers
 * (assembly/uipiWasmSetup.ts: the layout, the numbered events, the judge's bits, the initial node,
 * the key masks), so between the command's clock and the search no JavaScript builds a table; each
 * of those is a port checked equal to the JavaScript module it ports on every packable preset and
 * the bench's rows (uipiWasmSetup.test.ts), and the successors and searches against the JavaScript
 * engine's (uipiWasm.test.ts).
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
import type { UipiSelection } from '../../properties/selection.ts';
import {
  exploreUipiPacked,
  type UipiPackedOptions,
  type UipiPackedOutcome,
} from '../packed/uipiPackedExplore.ts';
import { uipiUnpackable } from '../packed/uipiPackedLayout.ts';
import { setUpUipiWasm, uipiWasmFresh, wasmLivenessBits, wasmStepBits } from './uipiWasmModule.ts';

/**
 * The nodes the node arrays have room for before they first grow (a power of two; tests make it
 * small), and the nodes expanded before the first leads-to batch; the look-up table starts smaller
 * (uipiWasmAdmission.ts TABLE_ROOM: its fresh pages are touched at random).
 */
const ROOM = 1 << 16;

/** Whether the options ask for something the wasm search has no port of (see above). */
function unported(opts: UipiPackedOptions): boolean {
  return opts.maxStates !== undefined || opts.leftOut !== undefined || opts.owedUnkeyed === true;
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
  const bits = wasmBits(cfg, sel, opts);
  if (bits === null) return exploreUipiPacked(cfg, sel, opts);
  // a search handed over after the wasm pass reported progress is repeated without reports
  const { onProgress: _reported, ...again } = opts;
  return searchWith(cfg, bits, opts, room) ?? exploreUipiPacked(cfg, sel, again);
}

/** The wasm judge's and drain's bits of `sel`, or null when the wasm search cannot answer `opts` on `cfg` (see above). */
function wasmBits(
  cfg: UipiConfig,
  sel: UipiSelection,
  opts: UipiPackedOptions,
): { readonly step: number; readonly liveness: number } | null {
  if (unported(opts) || uipiUnpackable(cfg) !== null) return null;
  const step = wasmStepBits(sel.step.map((p) => p.id));
  const liveness = wasmLivenessBits(sel.liveness.map((p) => p.id));
  return step === null || liveness === null ? null : { step, liveness };
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
  const bits = wasmBits(cfg, sel, opts);
  return bits === null ? null : searchWith(cfg, bits, opts, room);
}

/**
 * {@link searchUipiWasm} once its bits are known: the instance set up by the wasm code itself
 * (uipiWasmSetup.ts), so between the command's clock and the search no JavaScript builds a table
 * (the loader's JavaScript tables, uipiWasmModule.ts `uipiWasmInstance`, serve the tests only).
 */
function searchWith(
  cfg: UipiConfig,
  bits: { readonly step: number; readonly liveness: number },
  opts: UipiPackedOptions,
  room: number,
): UipiPackedOutcome | null {
  const liveness = opts.liveness !== false && bits.liveness !== 0;
  const covering = opts.covering !== false;
  const w = uipiWasmFresh();
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
      // the set-up by the wasm code (uipiWasmSetup.ts), the search begun: one call
      if (setUpUipiWasm(w, cfg, opts.mutation ?? null, bits, covering, liveness, room) !== 0) return 1;
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
