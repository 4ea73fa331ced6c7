/**
 * The packed UIPI engine's admitted nodes (uipiPackedExplore.ts), numbered in the order admitted:
 * per node its key words (uipiPackedLayout.ts) and its ghost words (the owed masks, then the
 * credits), which the search loads in BFS order; and the test every admission (uipiAdmission.ts)
 * makes of a successor against the loaded node and its parent before it looks the successor up.
 */
import { grownInt32 } from '../../../../engine/explore/packed/grownInt32.ts';

/** The admitted nodes' key and ghost words (see above). */
export class UipiPackedNodes {
  /** Key words per node. */
  readonly K: number;
  /** Ghost words per node. */
  readonly G: number;
  /** Receivers: a node's first R ghost words are its owed masks. */
  readonly R: number;
  /** Per node: its key words at id·K (replaced as it grows: read it after {@link add}). */
  words: Int32Array<ArrayBuffer>;
  /** Per node: its ghost words at id·G (replaced as it grows: read it after {@link add}). */
  ghosts: Int32Array<ArrayBuffer>;
  /** Nodes numbered: the next one's id. */
  count = 0;

  constructor(K: number, G: number, R: number) {
    this.K = K;
    this.G = G;
    this.R = R;
    this.words = new Int32Array(K << 16);
    this.ghosts = new Int32Array(G << 16);
  }

  /** Numbers the node with key words `w` and ghost `g`: its id. */
  add(w: Int32Array, g: Int32Array): number {
    const { K, G } = this;
    const id = this.count;
    const words = grownInt32(this.words, (id + 1) * K);
    const ghosts = grownInt32(this.ghosts, (id + 1) * G);
    for (let i = 0; i < K; i++) words[id * K + i] = w[i] ?? 0;
    for (let i = 0; i < G; i++) ghosts[id * G + i] = g[i] ?? 0;
    this.words = words;
    this.ghosts = ghosts;
    this.count = id + 1;
    return id;
  }

  /**
   * Whether node `id` has the key words `w` and owes whatever `g` owes — exactly that, when
   * `exactly` (keyed: the same node), else that or more (covering: the node covers `g`'s). The
   * search asks it of the loaded node and its parent, which need no look-up (plain, two slots,
   * 83,860 and 282,808 of 2,156,808 transitions).
   */
  holds(w: Int32Array, g: Int32Array, id: number, exactly: boolean): boolean {
    const { K, R, words, ghosts } = this;
    const wAt = id * K;
    for (let i = 0; i < K; i++) if (w[i] !== words[wAt + i]) return false;
    const gAt = id * this.G;
    for (let r = 0; r < R; r++) {
      const o = g[r] ?? 0;
      const n = ghosts[gAt + r] ?? 0;
      if (exactly ? o !== n : (o & ~n) !== 0) return false;
    }
    return true;
  }

  /** Whether node `id` owes exactly `g`'s owed masks. */
  owesExactly(g: Int32Array, id: number): boolean {
    return owesExactly(g, this.ghosts, id * this.G, this.R);
  }
}

/** Whether the `R` owed masks at `o` in `a` are exactly `g`'s. */
export function owesExactly(g: Int32Array, a: Int32Array, o: number, R: number): boolean {
  for (let r = 0; r < R; r++) if ((g[r] ?? 0) !== (a[o + r] ?? 0)) return false;
  return true;
}
