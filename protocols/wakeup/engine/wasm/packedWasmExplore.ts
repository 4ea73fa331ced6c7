/**
 * The packed wakeup engine run in WebAssembly (beside packedExplore.ts; what `--engine packed`
 * runs): the same breadth-first search, store, successor order and three state invariants,
 * compiled ahead of time by asc (assembly/), so a fresh process searches at full speed at once
 * rather than after V8 has optimised the JavaScript. It answers the same {@link PackedOutcome}.
 * On a violation the wasm search returns the failing state's id; the verdict's words come from
 * packedInvariants.ts judging that state's bytes again (which must agree on the property) and
 * the path from packedPath.ts over the wasm store's states, parents and event indices. Progress
 * is reported where the JavaScript engine reports it, every 65,536 expanded states before the
 * expansion: the wasm search pauses there (engine/explore/wasm/progressPauses.ts).
 */
import { progressPauses, SEARCH_PAUSED } from '../../../../engine/explore/wasm/progressPauses.ts';
import { trapsExplained } from '../../../../engine/explore/wasm/wasmEngineModule.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import { initialSystem } from '../../model/boot.ts';
import type { PackedOptions, PackedOutcome } from '../packed/packedExplore.ts';
import { PACKED_PROPERTY_IDS, PackedInvariants, type PackedVerdict } from '../packed/packedInvariants.ts';
import { encodeSystem, type PackedLayout, packedLayout } from '../packed/packedLayout.ts';
import { packedPath } from '../packed/packedPath.ts';
import { Answers, packedWasmInstance } from './packedWasmModule.ts';

/**
 * Why the wasm search traps: where packedSuccessors.ts throws (a state the successor function
 * refuses) and when its linear memory cannot grow (wasm32's 4 GB: some 60 million states of
 * small's 48 bytes).
 */
const WHY_TRAPPED = 'out of linear memory, or a state packedSuccessors.ts refuses';

/** The largest bound an i32 holds (no bound). */
const NO_BOUND = 0x7fff_ffff;
/** packedExplore.ts PROGRESS_MASK + 1: expanded states between two progress reports. */
const PROGRESS_EVERY = 0x10000;
/** The states the store has room for before its first grow: packedStore.ts's INITIAL (the small preset never grows). */
const ROOM = 1 << 17;

/**
 * Explores the wakeup model on `cfg` over packed states in WebAssembly (see above); `room`: the
 * states the store makes room for before its first grow (a power of two; tests make it small).
 */
export function explorePackedWasm(cfg: Config, opts: PackedOptions = {}, room = ROOM): PackedOutcome {
  const L = packedLayout(cfg);
  const w = packedWasmInstance(L, opts.mutation);
  // addresses come back as i32: read unsigned (>>> 0), as a store past 2 GB needs
  const at = w.start() >>> 0;
  new Uint8Array(w.memory.buffer, at, L.width).set(encodeSystem(L, initialSystem(cfg)));
  /** The search's answers now (read afresh: the memory may have grown since). */
  const at32 = (i: number): number => new Int32Array(w.memory.buffer, w.answers() >>> 0, 9)[i] ?? 0;
  const { onProgress } = opts;
  const kind = trapsExplained('packed wasm engine', WHY_TRAPPED, () => {
    w.begin(Math.min(opts.maxStates ?? NO_BOUND, NO_BOUND), opts.invariants === false ? 0 : 1, room);
    // packedExplore.ts:109-113, 129 (`report`): the states known and expanded, before state `head`'s expansion
    progressPauses(
      (reportAt) => w.search(reportAt),
      SEARCH_PAUSED,
      PROGRESS_EVERY,
      onProgress === undefined
        ? undefined
        : () => {
            const head = w.searchHead();
            const distinct = at32(Answers.count);
            const depth = w.searchDepth();
            onProgress({ distinct, transitions: at32(Answers.transitions), queue: distinct - head, depth });
            return head + 1;
          },
    );
    return w.finish();
  });
  const addr = (i: number): number => at32(i) >>> 0;
  const stats = {
    distinct: at32(Answers.count),
    transitions: at32(Answers.transitions),
    diameter: at32(Answers.diameter),
  };
  if (kind === 0) return { kind: 'complete', ...stats };
  if (kind === 1) return { kind: 'maxStates', ...stats };
  const bad = at32(Answers.bad);
  const n = stats.distinct;
  const words = new Int32Array(w.memory.buffer, addr(Answers.statesAt), (n * L.width) / 4);
  const verdict = verdictOf(L, words, bad, at32(Answers.badOnFetch) === 1, at32(Answers.badProperty));
  const parent = new Int32Array(w.memory.buffer, addr(Answers.parentsAt), n);
  const via = new Int32Array(w.memory.buffer, addr(Answers.viasAt), n);
  const path = packedPath(L, words, parent, via, bad, verdict.fetchHart);
  if (path.length > stats.diameter) stats.diameter = path.length;
  return { kind: 'violation', ...stats, property: verdict.property, message: verdict.message, path };
}

/**
 * The JavaScript invariants' verdict on state `bad` of `words`, which the wasm search found failing
 * (`onFetch`: on its HartFetch) invariant number `code` (from 1); they must agree on which fails.
 */
function verdictOf(
  L: PackedLayout,
  words: Int32Array,
  bad: number,
  onFetch: boolean,
  code: number,
): PackedVerdict {
  const bytes = new Uint8Array(words.buffer, words.byteOffset + bad * L.width, L.width);
  const inv = new PackedInvariants(L);
  const own = inv.judge(bytes, bad);
  const verdict = onFetch ? (own === null ? inv.fromVerdict : null) : own;
  const property = PACKED_PROPERTY_IDS[code - 1];
  if (verdict === null || verdict.property !== property)
    throw new Error(`packed wasm engine: state ${bad} fails ${property} in wasm, not in JavaScript`);
  return verdict;
}
