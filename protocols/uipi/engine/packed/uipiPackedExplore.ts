/**
 * The packed UIPI engine: breadth-first exploration of the UIPI model alone over packed nodes —
 * key words (uipiPackedLayout.ts: the object engine's key, state and undo-CLUI flags) in the shared
 * PackedStore, the ghost (owed masks, credits) per node beside them — judging every transition by
 * the selected step properties (uipiPackedStep.ts) and every admitted node by the leads-to check
 * (uipiPackedDrain.ts), as the object engine (explore.ts over uipiSpace.ts) does.
 *
 * The owed masks are the covering measure exactly as uipiGhostMeasure.ts defines it: a node whose
 * key is known is admitted only when no node admitted before with that key owes a superset of what
 * it owes (CoverSet's componentwise ≤ on "owed ? 0 : 1"). Each key keeps the list of its admitted
 * nodes; CoverSet drops the nodes a newer one covers, this list keeps them, which changes no
 * answer (whatever a dropped node covers, the node that covered it covers too).
 *
 * Keyed (`covering: false`, `--no-covering`): the owed masks are part of the key instead, as Spin's
 * uipi.pml keeps them in its state vector, and a node is admitted exactly when its key and owed
 * masks are new (the object engine's space with its measure keyed: more nodes, the same verdicts).
 *
 * The answer is the object engine's: the same distinct states, transitions and diameter, and on a
 * violation the same first failing transition or drain in BFS order (the same event order, the
 * same property order) and the same BFS-shortest path; progress is reported at the same states.
 */
import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import { FieldKeyPacker } from '../../../../engine/explore/packed/fieldKeyPacker.ts';
import type { JudgedOutcomeOf, JudgedStats } from '../../../../engine/explore/packed/judgedOutcome.ts';
import { KeySlotTable } from '../../../../engine/explore/packed/keySlotTable.ts';
import { WordIdTable } from '../../../../engine/explore/packed/wordIdTable.ts';
import type { Violation } from '../../../../engine/property.ts';
import type { UipiConfig } from '../../model/config.ts';
import type { UipiEvent } from '../../model/events.ts';
import { initialUipi } from '../../model/state.ts';
import { initialCredit, initialOwed } from '../../properties/ghost.ts';
import type { UipiSelection } from '../../properties/selection.ts';
import { type UipiPackedDrain, uipiPackedDrain } from './uipiPackedDrain.ts';
import { encodeUipiGhost, encodeUipiState, uipiKeyMasks } from './uipiPackedLayout.ts';
import type { UipiPackedMutation } from './uipiPackedMutation.ts';
import { uipiPackedStep } from './uipiPackedStep.ts';
import { UipiPackedSuccessors } from './uipiPackedSuccessors.ts';

export type UipiPackedOutcome = JudgedOutcomeOf<{
  /** On a transition, or on the drain from the last admitted node. */
  readonly where: 'step' | 'liveness';
  /** The failing properties' ids, in the order the judge reports them. */
  readonly properties: readonly string[];
  /** A shortest path from the initial state (the failing event last, for a step). */
  readonly path: readonly UipiEvent[];
}>;

export interface UipiPackedOptions {
  /** Stop once this many distinct states are known. */
  readonly maxStates?: number;
  /** Run the leads-to check from every admitted node (default true, when a liveness property is selected). */
  readonly liveness?: boolean;
  /** Called every `progressEvery` distinct states and at the end, as the object engine calls it. */
  readonly onProgress?: (p: ExploreProgress) => void;
  readonly progressEvery?: number;
  /** A seeded bug in the successor function (tests only). */
  readonly mutation?: UipiPackedMutation;
  /** Liveness properties whose verdict on words the leads-to check drops (tests only: each is needed). */
  readonly leftOut?: readonly string[];
  /**
   * false: the owed masks keyed, no covering test (every distinct key and owed masks, as Spin or
   * TLC count them); default true, the covering measure.
   */
  readonly covering?: boolean;
  /** The keyed search's key with receiver 0's owed mask left out (tests only: a wrong key is caught). */
  readonly owedUnkeyed?: boolean;
}

/** A growable Int32Array. */
function grown(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Refuses a node whose key words set a bit outside their fields' ranges (uipiKeyMasks): its packed key would alias another's. */
function outsideFields(w: Int32Array): never {
  throw new Error(`packed UIPI engine: the key words ${w.join(',')} set a bit outside their fields`);
}

/**
 * The most owed-mask bits (receivers × vectors) a key's slot packs beside its latest node's id in
 * one word (see `keys` below): at most 2^28 - 1 nodes then (some 20 GB of node tables); a search
 * past that stops with an error rather than number a node wrong.
 */
const COMPACT_OWED = 4;

/**
 * The fewest bits for the latest node's id + 1 where a key's last word keeps the payload too (see
 * `keys` below): 2^27 - 1 nodes, some 10 GB of node tables (`small`: a 36-bit key leaves 28 bits,
 * its one owed bit and 27 for the id, an 8-byte slot).
 */
const EMBEDDED_ID_BITS = 27;

/** Refuses a search past the nodes a compact slot numbers. */
function tooMany(most: number): never {
  throw new Error(`packed UIPI engine: more than ${most} nodes do not fit a key's slot`);
}

/** Explores the UIPI model on `cfg` judging `sel` (see above). */
export function exploreUipiPacked(
  cfg: UipiConfig,
  sel: UipiSelection,
  opts: UipiPackedOptions = {},
): UipiPackedOutcome {
  const mutation = opts.mutation ?? null;
  const S = new UipiPackedSuccessors(cfg, mutation);
  const { L, E } = S;
  const K = L.words;
  const G = L.ghost;
  const R = L.receivers;
  const step = uipiPackedStep(cfg, sel.step);
  const drain: UipiPackedDrain | undefined =
    opts.liveness !== false && sel.liveness.length > 0
      ? uipiPackedDrain(cfg, sel.liveness, uipiPackedStep(cfg, sel.step), mutation, true, opts.leftOut)
      : undefined;
  const maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
  const every = opts.progressEvery ?? 50_000;
  const { onProgress } = opts;
  /**
   * The known keys, each packed by field into as few words as its configuration's fields need
   * (one on the two-slot row), in a table whose slot holds beside the key its latest admitted
   * node and that node's owed masks — so a look-up reads one slot, and the covering test against
   * that node, which settles nearly every known key (plain, two slots: 1,781,577 of 1,843,561),
   * reads what the look-up brought in. Where the owed masks are few bits (R·V at most
   * {@link COMPACT_OWED}: every preset), the payload is one word, (latest + 1) << R·V | the owed
   * masks side by side, so the two-slot row's slot is 8 bytes and its table 4 MB rather than 8
   * (a look-up's cache miss is most of its cost); where the key's last word leaves room for that
   * word's fields with {@link EMBEDDED_ID_BITS} for the id (`small`), they go there, above the
   * key's bits, and the slot is the key alone; else the payload is latest + 1, then each owed mask.
   * Either way a slot in use has a nonzero payload word.
   */
  const masks = uipiKeyMasks(L);
  const keyBits = FieldKeyPacker.bitsOf(masks);
  const P = Math.max(1, Math.ceil(keyBits / 32));
  const V = cfg.vectors;
  const OWN = R * V;
  /** Bits the key leaves free at the top of its last word, and whether the payload word is that word. */
  const spare = 32 * P - keyBits;
  const embedded = spare - OWN >= EMBEDDED_ID_BITS;
  const packer = new FieldKeyPacker(masks, embedded ? spare : 0);
  const pack = packer.pack;
  const packed = new Int32Array(P);
  const compact = embedded || OWN <= COMPACT_OWED;
  /** A compact payload word: the key's bits below `base` (when embedded), the owed masks, then latest + 1 from `idShift`. */
  const base = embedded ? 32 - spare : 0;
  const keyLow = embedded ? 2 ** base - 1 : 0;
  const idShift = base + OWN;
  const ownMask = compact ? ((2 ** OWN - 1) * 2 ** base) | 0 : 0;
  /** The payload word's place in a slot. */
  const pAt = embedded ? P - 1 : P;
  const keys = new KeySlotTable(
    P,
    embedded ? 0 : compact ? 1 : R + 1,
    opts.covering === false ? 2 : 1 << 18,
    embedded ? base : 32,
  );
  /** The owed masks of `g` side by side (a compact slot's low bits). */
  const owedBits = (g: Int32Array): number => {
    let b = 0;
    for (let r = 0; r < R; r++) b |= (g[r] ?? 0) << (r * V);
    return b;
  };
  /**
   * Keyed (no covering): the key words and the owed masks packed together (the owed masks' fields
   * after the key's, a word each unpacked), in a table of their own whose payload is the node's
   * id + 1: in the key's last word above its bits where {@link EMBEDDED_ID_BITS} fit there, else a
   * word after the key. No covering test (admitCovering, `within`) is made then.
   */
  const keyed = opts.covering === false;
  const vmask = V >= 32 ? -1 : 2 ** V - 1;
  const keyedMasks = [...masks, ...new Array<number>(R).fill(vmask)];
  const keyedBits = FieldKeyPacker.bitsOf(keyedMasks);
  const KP = Math.max(1, Math.ceil(keyedBits / 32));
  const keyedSpare = 32 * KP - keyedBits;
  const keyedEmbedded = keyedSpare >= EMBEDDED_ID_BITS;
  const keyedBase = keyedEmbedded ? 32 - keyedSpare : 0;
  const keyedLow = keyedEmbedded ? 2 ** keyedBase - 1 : 0;
  const keyedPack =
    keyed && keyedBits > 32 ? new FieldKeyPacker(keyedMasks, keyedEmbedded ? keyedSpare : 0).pack : pack;
  const keyedAt = keyedEmbedded ? KP - 1 : KP;
  /**
   * Keyed, where the key and the owed masks fit one word (every row of the Spin comparison: two
   * slots 30 + 2 bits): the key words packed by the covering packer leaving the owed masks' bits
   * free at the top, the owed masks ORed in there, in a {@link WordIdTable} — a 4-byte slot, the
   * ids beside the slots, read only for the drain's chaining — instead of the 8-byte slot of a key
   * and its id (the look-up's cache miss is most of its cost, and it grows with the table).
   */
  const oneWord = keyed && keyedBits <= 32;
  const wordPack = oneWord ? new FieldKeyPacker(masks, OWN).pack : pack;
  const owedAt = 32 - OWN;
  const words = new WordIdTable(oneWord ? 1 << 18 : 2);
  /** Where the last keyed {@link admitWord} found its known key (see {@link exact}). */
  let foundAt = -1;
  const keyedTable =
    keyed && !oneWord
      ? new KeySlotTable(KP, keyedEmbedded ? 0 : 1, 1 << 18, keyedEmbedded ? keyedBase : 32)
      : keys;
  /** A node's key words, then its owed masks (a keyed look-up's unpacked key), and that key packed. */
  const withOwed = new Int32Array(K + R);
  const keyedPacked = new Int32Array(KP);
  /** Per receiver, the owed bits keyed (all; tests: receiver 0's none, a wrong key). */
  const owedKept = new Int32Array(R).fill(-1);
  if (opts.owedUnkeyed === true) owedKept[0] = 0;
  /** Per node: its key words at id·K (the search loads a node from here, in BFS order). */
  let nodeWords = new Int32Array(K << 16);
  let sameKey = new Int32Array(1 << 16);
  let ghosts = new Int32Array(G << 16);
  let level = new Int32Array(1 << 16);
  let parent = new Int32Array(1 << 16);
  let via = new Int32Array(1 << 16);
  /** Per node: the transitions counted when it was admitted (its leads-to check runs later: see below). */
  let seenAt = new Float64Array(1 << 16);
  /** Per node: 1 once its leads-to check passed. */
  let done = new Int32Array(1 << 16);
  /**
   * The checks waiting on a later node's (drain.chains): per node the first node waiting on it + 1
   * (0: none), per waiting node the next one waiting on the same node + 1.
   */
  let firstWaiter = new Int32Array(1 << 16);
  let nextWaiter = new Int32Array(1 << 16);
  let count = 0;
  let transitions = 0;
  let diameter = 0;
  const stats = (): JudgedStats => ({ distinct: count, transitions, diameter });

  /**
   * After {@link admit}: the admitted node with exactly its key words and owed masks, or -1; -2
   * when {@link admitWord} found it known, its id then read by {@link exactNode} only if needed.
   */
  let exact = -1;
  /** The node {@link exact} names (see there). */
  const exactNode = (): number => (exact === -2 ? words.idAt(foundAt) : exact);
  /** Whether the owed masks at `o` in `a` are exactly `g`'s. */
  const owesExactly = (g: Int32Array, a: Int32Array, o: number): boolean => {
    for (let r = 0; r < R; r++) if ((g[r] ?? 0) !== (a[o + r] ?? 0)) return false;
    return true;
  };
  /** Admits the node (`w`, ghost `g`) unless a node with its key owing a superset is known; true when admitted. */
  const admitCovering = (w: Int32Array, g: Int32Array): boolean => {
    if (pack(w, packed) !== 0) outsideFields(w);
    const fresh = !keys.find(packed);
    const kw = keys.slots;
    const at = keys.at + pAt;
    let latest = -1;
    if (!fresh) {
      const pw = kw[at] ?? 0;
      if (compact) {
        latest = (pw >>> idShift) - 1;
        const gb = owedBits(g) << base;
        if ((gb & ~pw) === 0) {
          exact = gb === (pw & ownMask) ? latest : -1;
          return false;
        }
      } else {
        latest = pw - 1;
        let covered = true;
        for (let r = 0; r < R && covered; r++) covered = ((g[r] ?? 0) & ~(kw[at + 1 + r] ?? 0)) === 0;
        if (covered) {
          exact = owesExactly(g, kw, at + 1) ? latest : -1;
          return false;
        }
      }
      for (let n = sameKey[latest] ?? -1; n >= 0; n = sameKey[n] ?? -1) {
        let covered = true;
        for (let r = 0; r < R && covered; r++) covered = ((g[r] ?? 0) & ~(ghosts[n * G + r] ?? 0)) === 0;
        if (covered) {
          exact = owesExactly(g, ghosts, n * G) ? n : -1;
          return false;
        }
      }
    } else keys.claim(packed);
    const id = count;
    record(w, g, latest);
    if (compact) {
      if (id + 1 > -1 >>> idShift) tooMany(-1 >>> idShift);
      kw[at] = ((kw[at] ?? 0) & keyLow) | ((id + 1) << idShift) | (owedBits(g) << base);
    } else {
      kw[at] = id + 1;
      for (let r = 0; r < R; r++) kw[at + 1 + r] = g[r] ?? 0;
    }
    return true;
  };
  /** Numbers the node (`w`, ghost `g`) just admitted, the latest before it with its key `latest` (covering; else -1). */
  const record = (w: Int32Array, g: Int32Array, latest: number): void => {
    const id = count;
    if (id >= level.length) {
      sameKey = grown(sameKey, id + 1);
      level = grown(level, id + 1);
      parent = grown(parent, id + 1);
      via = grown(via, id + 1);
      done = grown(done, id + 1);
      firstWaiter = grown(firstWaiter, id + 1);
      nextWaiter = grown(nextWaiter, id + 1);
      const s = new Float64Array(level.length);
      s.set(seenAt);
      seenAt = s;
    }
    ghosts = grown(ghosts, (id + 1) * G);
    nodeWords = grown(nodeWords, (id + 1) * K);
    sameKey[id] = latest;
    for (let i = 0; i < K; i++) nodeWords[id * K + i] = w[i] ?? 0;
    for (let i = 0; i < G; i++) ghosts[id * G + i] = g[i] ?? 0;
    count = id + 1;
    exact = id;
  };
  /** Admits the node (`w`, ghost `g`) exactly when its key words and owed masks are new (keyed); true when admitted. */
  const admitKeyed = (w: Int32Array, g: Int32Array): boolean => {
    for (let i = 0; i < K; i++) withOwed[i] = w[i] ?? 0;
    for (let r = 0; r < R; r++) withOwed[K + r] = (g[r] ?? 0) & (owedKept[r] ?? 0);
    if (keyedPack(withOwed, keyedPacked) !== 0) outsideFields(withOwed);
    const t = keyedTable;
    if (t.find(keyedPacked)) {
      const pw = t.slots[t.at + keyedAt] ?? 0;
      exact = (keyedEmbedded ? pw >>> keyedBase : pw) - 1;
      return false;
    }
    t.claim(keyedPacked);
    const id = count;
    if (keyedEmbedded && id + 1 > -1 >>> keyedBase) tooMany(-1 >>> keyedBase);
    const kw = t.slots;
    const at = t.at + keyedAt;
    kw[at] = keyedEmbedded ? ((kw[at] ?? 0) & keyedLow) | ((id + 1) << keyedBase) : id + 1;
    record(w, g, -1);
    return true;
  };
  /** A node's one-word key, its key words packed and its owed masks above them (see {@link oneWord}). */
  const wordKey = (w: Int32Array, g: Int32Array): number => {
    let owed = 0;
    for (let r = 0; r < R; r++) {
      const o = g[r] ?? 0;
      if ((o & ~vmask) !== 0) outsideFields(g);
      owed |= (o & (owedKept[r] ?? 0)) << (r * V);
    }
    if (wordPack(w, packed) !== 0) outsideFields(w);
    return (packed[0] ?? 0) | (owed << owedAt);
  };
  /** Per node, its one-word key (see {@link oneWord}): a successor equal to the loaded node or its parent is found by it. */
  let keyOf = new Int32Array(oneWord ? 1 << 16 : 0);
  /** {@link admitKeyed} for the node (`w`, ghost `g`) whose one-word key is `key` (see {@link oneWord}). */
  const admitKey = (key: number, w: Int32Array, g: Int32Array): boolean => {
    const at = words.add(key, count);
    if (at >= 0) {
      foundAt = at;
      exact = -2;
      return false;
    }
    if (count >= keyOf.length) keyOf = grown(keyOf, count + 1);
    keyOf[count] = key;
    record(w, g, -1);
    return true;
  };
  /** {@link admitKeyed} where the key and the owed masks fit one word. */
  const admitWord = (w: Int32Array, g: Int32Array): boolean => admitKey(wordKey(w, g), w, g);
  /** Admits a node: by covering, or keyed (see above). */
  const admit = oneWord ? admitWord : keyed ? admitKeyed : admitCovering;
  const pathTo = (id: number): UipiEvent[] => {
    const out: UipiEvent[] = [];
    for (let i = id; i > 0; i = parent[i] ?? 0) out.push(S.event(via[i] ?? -1));
    return out.reverse();
  };
  /** The step violation `vs` at the end of `path`, with the counts now. */
  const violation = (vs: readonly Violation[], path: readonly UipiEvent[]): UipiPackedOutcome => ({
    kind: 'violation',
    where: 'step',
    properties: vs.map((v) => v.property),
    path,
    ...stats(),
  });
  /*
   * The leads-to check of a node runs when the search expands it, not when it admits it: the
   * drain's first step is one of the node's transitions, so it is the search's (drain.afterFirst).
   * The answer stays the object engine's, which drains each node as it admits it: nodes are drained
   * in the order admitted, every node admitted before a failing transition or the state bound is
   * drained before that is reported (catchUp), a leads-to violation reports the counts of its
   * node's admission, and a progress report waits until the nodes before it have passed.
   *
   * A node whose drain, after its first step, is exactly a later admitted node's drain from its
   * start (drain.chains: that node is the successor, the policy's own state unchanged) does not
   * drain on: it waits for that node's check, which the search runs when it expands it (its first
   * step again the search's own), and passes with it, one step longer (settled). A chain longer
   * than the bound, and every waiting node before a failing check or catchUp, is drained whole.
   */
  /** The first node whose leads-to check has not passed. */
  let drained = 0;
  const settling: number[] = [];
  /** The nodes up to the first one not passed have passed: the progress reports up to it are due ({@link report}). */
  const advance = (): void => {
    while (drained < count && done[drained] === 1) drained++;
  };
  /*
   * A progress report is due at every `every`-th admitted node (not the initial one: the object
   * engine reports as it admits a successor), once the nodes up to it have passed. It is read from
   * the node's own tables — its transitions (seenAt), its parent (the node expanded when it was
   * admitted: queue) and its level (the diameter then, BFS levels never falling) — and made
   * between two expansions ({@link report}), not as nodes are admitted or pass: a report object
   * or call first made after V8 compiled the search loop threw that code away (the first report
   * comes at 5,000 states from the command line, about when the loop is compiled).
   */
  /** The admitted nodes whose report is decided (each count tested as the object engine tests it). */
  let scanned = 1;
  /** The report at distinct count `c` (node c - 1 just admitted). */
  const progressAt = (c: number): ExploreProgress => ({
    distinct: c,
    transitions: seenAt[c - 1] ?? 0,
    queue: c - (parent[c - 1] ?? 0) - 1,
    depth: level[c - 1] ?? 0,
  });
  /** Makes the progress reports due: those up to the first node not passed. */
  const report = (): void => {
    for (; scanned < drained; ) if (++scanned % every === 0) onProgress?.(progressAt(scanned));
  };
  /**
   * Node `id`'s leads-to check passed: the checks waiting on it pass one step longer (or are
   * drained whole beyond the bound), and the progress reports up to the first node not passed
   * are due. Returns the first leads-to violation a whole drain finds, else null.
   */
  const passed = (id: number): UipiPackedOutcome | null => {
    done[id] = 1;
    if ((firstWaiter[id] ?? 0) !== 0) return settle(id);
    if (id === drained) advance();
    return null;
  };
  /** The checks waiting on node `id`'s, which passed, and on theirs in turn: see {@link passed}. */
  const settle = (id: number): UipiPackedOutcome | null => {
    settling.push(id);
    for (let y = settling.pop(); y !== undefined; y = settling.pop()) {
      done[y] = 1;
      const steps = drain === undefined ? -1 : drain.known(y);
      for (let x = (firstWaiter[y] ?? 0) - 1; x >= 0; x = (nextWaiter[x] ?? 0) - 1) {
        if (done[x] === 1) continue; // drained whole meanwhile (catchUp, failure)
        if (drain !== undefined && steps >= 0 && steps < cfg.drainBound) drain.settle(x, steps + 1);
        else {
          const bad = judge(x);
          if (bad !== null) {
            settling.length = 0;
            return failure(x, bad);
          }
        }
        settling.push(x);
      }
      firstWaiter[y] = 0;
    }
    advance();
    return null;
  };
  /** The leads-to violation `vs` of node `id`, with the counts at its admission. */
  const liveness = (id: number, vs: readonly Violation[]): UipiPackedOutcome => ({
    kind: 'violation',
    where: 'liveness',
    properties: vs.map((v) => v.property),
    path: pathTo(id),
    distinct: id + 1,
    transitions: seenAt[id] ?? 0,
    diameter: level[id] ?? 0,
  });
  /** The whole leads-to check of node `id` from its words. */
  const judge = (id: number): readonly Violation[] | null =>
    drain === undefined || drain.begin(id) ? null : drain.from(nodeWords, id * K, ghosts, id * G);
  /**
   * Node `id`'s leads-to check failed with `vs`: the violation to report, that of the first node
   * before it whose check, still waiting, fails when drained whole, else `id`'s.
   */
  const failure = (id: number, vs: readonly Violation[]): UipiPackedOutcome => {
    for (let x = drained; x < id; x++) {
      if (done[x] === 1) continue;
      const bad = judge(x);
      if (bad !== null) return liveness(x, bad);
      done[x] = 1;
    }
    return liveness(id, vs);
  };
  /** Drains every admitted node not drained yet, in order: the first violation, or null. */
  const catchUp = (): UipiPackedOutcome | null => {
    for (let id = drained; id < count; id++) {
      if (done[id] === 1) continue;
      const bad = judge(id);
      if (bad !== null) return liveness(id, bad);
      const earlier = passed(id);
      if (earlier !== null) return earlier;
    }
    return null;
  };
  /** Node `id` was just admitted: its progress report, if one is due, waits for its leads-to check. */
  const admitted = (id: number): void => {
    seenAt[id] = transitions;
    if (drain === undefined) passed(id);
  };

  const w0 = new Int32Array(K);
  const g0 = new Int32Array(G);
  encodeUipiState(L, initialUipi(cfg), new Array<boolean>(R).fill(false), w0);
  encodeUipiGhost(L, initialOwed(cfg), initialCredit(cfg), g0);
  admit(w0, g0);
  parent[0] = -1;
  via[0] = -1;
  admitted(0);
  if (count >= maxStates) {
    const end = catchUp() ?? { kind: 'maxStates', ...stats() };
    report();
    return end;
  }
  const list = new Int32Array(E.events.length);
  /**
   * Expands node `head`: the outcome that ends the search, or null. A function of its own, not the
   * body of the loop over the heads: V8 compiles it as soon as it is hot, as a function, instead of
   * waiting for (and, after a rare path first taken, redoing) an on-stack replacement of one huge
   * loop, and the progress reports made in that loop cannot throw its compiled code away.
   */
  const expand = (head: number): UipiPackedOutcome | null => {
    S.load(nodeWords, head * K, ghosts, head * G);
    const d = (level[head] ?? 0) + 1;
    const up = parent[head] ?? -1;
    const n = S.enabled(list);
    // the drain's first event, stepped by the search below; -1 when the memo knows the drain or it takes no step
    let k0 = -1;
    if (drain !== undefined) {
      if (drain.begin(head)) {
        const bad = passed(head);
        if (bad !== null) return bad;
      } else {
        k0 = drain.first(S, list, n);
        if (k0 < 0) {
          const vs = drain.from(nodeWords, head * K, ghosts, head * G);
          const bad = vs === null ? passed(head) : failure(head, vs);
          if (bad !== null) return bad;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const k = list[i] ?? 0;
      transitions++;
      const failed = step(S, k, d - 1);
      if (failed !== undefined) {
        const earlier = catchUp();
        if (earlier !== null) return earlier;
        if (d > diameter) diameter = d;
        const path = pathTo(head);
        path.push(S.event(k));
        return violation(failed, path);
      }
      // an admitted node covering the successor (keyed: the same), found without the store: the loaded node or its parent
      // (one-word keys: by the successor's key, which its look-up needs anyway, against theirs)
      let cover = -1;
      let fresh = false;
      if (oneWord) {
        const key = wordKey(S.after, S.ghostAfter);
        if (key === keyOf[head]) cover = head;
        else if (up >= 0 && key === keyOf[up]) cover = up;
        else fresh = admitKey(key, S.after, S.ghostAfter);
      } else {
        if (keyed) {
          if (S.same(S.before, 0, S.ghostBefore, 0)) cover = head;
          else if (up >= 0 && S.same(nodeWords, up * K, ghosts, up * G)) cover = up;
        } else if (S.within(S.before, 0, S.ghostBefore, 0)) cover = head;
        else if (up >= 0 && S.within(nodeWords, up * K, ghosts, up * G)) cover = up;
        fresh = cover < 0 && admit(S.after, S.ghostAfter);
      }
      if (k === k0 && drain !== undefined) {
        const next = cover < 0 ? exactNode() : owesExactly(S.ghostAfter, ghosts, cover * G) ? cover : -1;
        if (next > head && drain.chains(S, k, next)) {
          nextWaiter[head] = firstWaiter[next] ?? 0;
          firstWaiter[next] = head + 1;
        } else {
          const vs = drain.afterFirst(S, k, next);
          const bad = vs === null ? passed(head) : failure(head, vs);
          if (bad !== null) return bad;
        }
      }
      if (!fresh) continue;
      const id = count - 1;
      parent[id] = head;
      via[id] = k;
      level[id] = d;
      if (d > diameter) diameter = d;
      admitted(id);
      if (count >= maxStates) return catchUp() ?? { kind: 'maxStates', ...stats() };
    }
    return null;
  };
  for (let head = 0; head < count; head++) {
    const end = expand(head);
    report();
    if (end !== null) return end;
  }
  // every node was expanded, so every check waiting on another's was settled with it
  if (drained !== count)
    throw new Error(`packed UIPI engine: the leads-to check of node ${drained} never passed`);
  onProgress?.({ distinct: count, transitions, queue: 0, depth: diameter });
  return { kind: 'complete', ...stats() };
}
