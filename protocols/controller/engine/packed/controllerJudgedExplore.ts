/**
 * The controller's judged engine: breadth-first exploration of the controller model alone over
 * packed nodes (controllerPackedLayout.ts: the state, the ended bit and the ghost's
 * verdict-relevant part, the object engine's key byte for byte), judging every transition by
 * every default controller-step property as the object engine (explore.ts over controllerSpace.ts)
 * does. The controller space has no deadlock or leads-to check, so a step property is all there is
 * to judge.
 *
 * Each successor is stepped and judged over bytes (controllerPackedSuccessors.ts: the model's
 * rules in bytes, the byte judge, the properties themselves for a step it does not read) and
 * admitted into the shared PackedStore: no key string, no set of strings, no queue of node
 * objects. Where the configuration's bounds (controllerByteBounds.ts) pack a node's key into at
 * most 95 bits, the store is the SlotKeyStore instead (the key in the hash table's slot: a look-up
 * of a known state reads one cache line) and the search controllerSlotKeySearch.ts's, which
 * overlaps those reads; a seeded bug, which may break those bounds, keeps the byte store. The
 * answer is the object engine's: the same distinct states, transitions and diameter, and on a
 * violation the same first failing transition in BFS order (the same alphabet order, the same
 * property order) and the same BFS-shortest path; progress is reported at the same states.
 */
import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import { ByteKeyPacker } from '../../../../engine/explore/packed/byteKeyPacker.ts';
import type { JudgedOutcomeOf, JudgedStats } from '../../../../engine/explore/packed/judgedOutcome.ts';
import { PackedStore } from '../../../../engine/explore/packed/packedStore.ts';
import { SLOT_KEY_BITS, SlotKeyStore } from '../../../../engine/explore/packed/slotKeyStore.ts';
import type { Config } from '../../model/config/config.ts';
import type { ControllerEvent } from '../../model/events.ts';
import type { ControllerStepProperty } from '../../properties/context.ts';
import { controllerAlphabet } from '../controllerAlphabet.ts';
import { controllerByteBounds } from './controllerByteBounds.ts';
import type { ControllerPackedLayout } from './controllerPackedLayout.ts';
import type { ControllerPackedMutation } from './controllerPackedMutation.ts';
import { ControllerPackedSuccessors } from './controllerPackedSuccessors.ts';
import { failedAt, searchSlotKeys } from './controllerSlotKeySearch.ts';

export type ControllerJudgedOutcome = JudgedOutcomeOf<{
  /** The failing properties' ids, in the order the step judge reports them. */
  readonly properties: readonly string[];
  /** A shortest path from the initial state, the failing event last. */
  readonly path: readonly ControllerEvent[];
}>;

export interface ControllerJudgedOptions {
  /** Stop once this many distinct states are known. */
  readonly maxStates?: number;
  /** Called every `progressEvery` distinct states and at the end, as the object engine calls it. */
  readonly onProgress?: (p: ExploreProgress) => void;
  readonly progressEvery?: number;
  /** A seeded bug in the successor function (tests only). */
  readonly mutation?: ControllerPackedMutation;
  /**
   * Judge the verdicts that read a successor alone on every transition, as the step judge does
   * (tests: the same answer as judging them once per distinct state, the default).
   */
  readonly everyTransition?: boolean;
  /**
   * The store of seen states: `auto` (the default) the slot-key store where the node's key fits a
   * slot and no seeded bug runs, else the byte store; `bytes` the byte store (PackedStore);
   * `slotKey` the slot-key store, seeded bug or not (tests: the same answers from both, or a node
   * above its bounds refused), an error where the key does not fit.
   */
  readonly store?: 'auto' | 'bytes' | 'slotKey';
}

/**
 * Room for 65,536 states before a first grow: small's 42,240 fit, and a table half the default
 * size keeps more of it in cache (measured: about 10% faster on small than the default's).
 */
const INITIAL_STATES = 1 << 16;

/** The store `opts` asks for on layout `L` (see {@link ControllerJudgedOptions.store}). */
function storeFor(L: ControllerPackedLayout, opts: ControllerJudgedOptions): PackedStore | SlotKeyStore {
  const choice = opts.store ?? 'auto';
  if (choice === 'bytes' || (choice === 'auto' && opts.mutation !== undefined))
    return new PackedStore(L.width, INITIAL_STATES);
  const { bounds, names } = controllerByteBounds(L);
  const packer = ByteKeyPacker.of(bounds, (b) => names[b] ?? `byte ${b}`);
  if (packer !== null && packer.bits <= SLOT_KEY_BITS) return new SlotKeyStore(packer, INITIAL_STATES);
  if (choice === 'slotKey')
    throw new Error(`judged engine: the node's key (${packer?.bits ?? '?'} bits) does not fit a slot`);
  return new PackedStore(L.width, INITIAL_STATES);
}

/** Explores the controller model on `cfg` judging `properties` (see above). */
export function exploreControllerJudged(
  cfg: Config,
  properties: readonly ControllerStepProperty[],
  opts: ControllerJudgedOptions = {},
): ControllerJudgedOutcome {
  const succ = new ControllerPackedSuccessors(cfg, properties, opts.mutation ?? null);
  const stateOnce = opts.everyTransition !== true;
  const { L, n } = succ;
  const events = controllerAlphabet(cfg);
  const maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
  const every = opts.progressEvery ?? 50_000;
  const store = storeFor(L, opts);
  let transitions = 0;
  let diameter = 0;
  const stats = (): JudgedStats => ({ distinct: store.count, transitions, diameter });
  /** The progress report with `queue` states still to expand (the object engine's, at the same states). */
  const progress = (queue: number): void =>
    opts.onProgress?.({ distinct: store.count, transitions, queue, depth: diameter });
  // V8 does not inline succ.step here, and no split of it makes it: V8 weighs a callee's bytecode
  // plus that of what its optimised code inlined (the byte judge, about 820-880 bytes) against its
  // 460-byte limit, so even step's 337 bytes with its rare paths split out stay a call. A larger
  // budget set at CLI startup (--max-inlined-bytecode-size=2000, -cumulative=6000) measured 2-7%
  // less on the large row, but small's first search +17% wall (+0.2 s CPU compiling larger code)
  // and the wakeup and syscall large rows 8-25% more: V8's defaults stand.
  store.add(new Int32Array(succ.initial().buffer, 0, n), 0, -1, -1);
  if (store.count >= maxStates) return { kind: 'maxStates', ...stats() };
  if (store instanceof SlotKeyStore)
    return searchSlotKeys(succ, store, events, { ...opts, maxStates, progressEvery: every, stateOnce });
  for (let head = 0; head < store.count; head++) {
    if (!succ.loadWords(store.words, head * n)) continue; // no event is enabled after an access that ended the run
    const d = (store.level[head] ?? 0) + 1;
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (e === undefined) continue;
      transitions++;
      let violations = succ.step(i, d - 1, stateOnce);
      let added = false;
      if (violations === undefined) {
        // a successor equal to the state expanded is known (the state itself) without a look-up
        const self = succ.sameAsLoaded();
        if (!self) added = store.add(succ.words, d, head, i);
        const id = self ? head : store.lastId;
        // the verdicts on the successor alone: once per distinct state (and on the initial state, never a successor)
        if (stateOnce && (added || id === 0)) violations = succ.stateViolations(d - 1);
      }
      if (violations !== undefined) {
        if (d > diameter) diameter = d;
        // a failing successor just stored is not among the distinct states (the step judge stores none)
        const counts = { ...stats(), distinct: store.count - (added ? 1 : 0) };
        return failedAt(violations, store, events, head, i, counts);
      }
      if (!added) continue;
      if (d > diameter) diameter = d;
      if (store.count % every === 0) progress(store.count - head - 1);
      if (store.count >= maxStates) return { kind: 'maxStates', ...stats() };
    }
  }
  progress(0);
  return { kind: 'complete', ...stats() };
}
