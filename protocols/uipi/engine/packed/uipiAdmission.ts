/**
 * How the packed UIPI engine (uipiPackedExplore.ts) decides whether a node is new, one module per
 * way, each deriving its own packing once: by covering (coveringAdmission.ts, the default), keyed
 * with the owed masks in the key (keyedAdmission.ts, `--no-covering`), and keyed in one word where
 * the key and the owed masks fit 32 bits (oneWordAdmission.ts). The search makes one admission
 * per search (uipiAdmissionFor.ts) and calls it for the initial node and every successor, so its
 * loop has one path whatever the way; the admission numbers the nodes it admits in the search's
 * UipiPackedNodes (uipiPackedNodes.ts). Each is made of closures over its constants, as the
 * search's own code was, not a class: the same admissions as classes made the search 2–8% slower
 * (docs/exploration.md, "The packed UIPI engine", its newest "Later").
 */

/** One way of admitting nodes (see above). */
export interface UipiAdmission {
  /**
   * Admits the node with key words `w` and ghost `g` unless a node admitted before makes it known
   * (keyed: the same key words and owed masks; covering: the same key words owing a superset):
   * its id when admitted, else -1. `head` and `up`, the loaded node and its parent (-1: none),
   * are tested first, without a look-up.
   */
  admit(w: Int32Array, g: Int32Array, head: number, up: number): number;
  /**
   * After {@link admit}: the admitted node with exactly the key words and owed masks it was given
   * (the node it admitted, when it did), or -1 (the leads-to check's chaining asks).
   */
  exact(): number;
}

/**
 * The fewest bits for a node's id + 1 where a key's last word keeps the payload too: 2^27 - 1
 * nodes, some 10 GB of node tables (`small`: a 36-bit key leaves 28 bits, its one owed bit and 27
 * for the id, an 8-byte slot).
 */
export const EMBEDDED_ID_BITS = 27;

/** Refuses a node whose words set a bit outside their fields' ranges (uipiKeyMasks): its packed key would alias another's. */
export function outsideFields(w: Int32Array): never {
  throw new Error(`packed UIPI engine: the key words ${w.join(',')} set a bit outside their fields`);
}

/** Refuses a search past the `most` nodes a key's slot numbers (tested before the node is numbered). */
export function tooMany(most: number): never {
  throw new Error(`packed UIPI engine: more than ${most} nodes do not fit a key's slot`);
}
