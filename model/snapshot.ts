/**
 * Snapshots of mutable implementation objects, so the explorer can branch from one state into
 * several successors: a structural deep copy that keeps every object's prototype (class
 * instances stay instances), copies arrays, typed arrays, Maps and Sets, preserves sharing and
 * cycles, and shares what cannot change (primitives, frozen objects and the objects given as
 * `shared`, such as the configuration). A function-valued field (a closure capturing some other
 * object) cannot be copied faithfully and is refused with the path to it, so an implementation
 * that wants exhaustive exploration keeps its state in fields, not closures (protocols/wakeup/runtime/bus.ts).
 *
 * Chosen over replaying the path from reset (cost grows with depth for every successor) and over
 * hand-written clone methods (every implementation, mutant and future protocol would need one):
 * on the small presets a runtime plus reference device copies in a few microseconds.
 * The implementations the explorer meets most (the runtimes and the reference device, with all
 * their mutants) now also copy themselves (their `copy` methods, engine/explore/copyImpl.ts),
 * about ten times faster again; this generic copy stays the fallback for every design without
 * one (the published designs, test doubles), and test/engine/explore/copyImpl.test.ts holds those copy
 * methods to the same contract: the same object graph, nothing mutable shared.
 */

/** Thrown when an object graph holds something a snapshot cannot copy. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

/** What a snapshot shares instead of copying. */
export interface SnapshotSharing {
  /** Objects referenced, not copied (the configuration). */
  readonly objects?: ReadonlySet<object>;
  /**
   * Fields whose values are referenced, not copied, wherever they occur: values their owner never
   * modifies after storing them (the immutable views an abstraction function caches).
   */
  readonly fields?: ReadonlySet<string>;
}

const NOTHING: ReadonlySet<string> = new Set();

/** A deep copy of `root` (see above), sharing what `sharing` names. */
export function snapshot<T>(root: T, sharing: SnapshotSharing = {}): T {
  const c = new Copier(sharing.objects, sharing.fields ?? NOTHING);
  return c.copy(root, 'root') as T;
}

/** One snapshot in progress: the copies made so far (sharing and cycles) and what is shared. */
class Copier {
  private readonly memo = new Map<object, unknown>();
  private readonly shared: ReadonlySet<object> | undefined;
  private readonly fields: ReadonlySet<string>;

  constructor(shared: ReadonlySet<object> | undefined, fields: ReadonlySet<string>) {
    this.shared = shared;
    this.fields = fields;
  }

  /** The copy of `v`, found in field `at` (named in the error when it cannot be copied). */
  copy(v: unknown, at: string): unknown {
    if (typeof v !== 'object' || v === null) {
      // A function is kept only when declared shared (a stateless module-level driver); any other
      // may close over state the copy would then share.
      if (typeof v === 'function') {
        if (this.shared?.has(v) === true) return v;
        throw new SnapshotError(`cannot snapshot the function in field "${at}"`);
      }
      return v;
    }
    if (Object.isFrozen(v) || this.shared?.has(v) === true) return v;
    const seen = this.memo.get(v);
    if (seen !== undefined) return seen;
    if (Array.isArray(v)) {
      const out: unknown[] = v.slice();
      this.memo.set(v, out);
      for (let i = 0; i < out.length; i++) {
        const x = out[i];
        if (typeof x === 'object' && x !== null) out[i] = this.copy(x, at);
        else if (typeof x === 'function') this.copy(x, at);
      }
      return out;
    }
    if (ArrayBuffer.isView(v)) {
      const out = (v as Uint8Array).slice();
      this.memo.set(v, out);
      return out;
    }
    if (v instanceof Map) {
      const out = new Map<unknown, unknown>();
      this.memo.set(v, out);
      for (const [k, x] of v) out.set(this.copy(k, at), this.copy(x, at));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set<unknown>();
      this.memo.set(v, out);
      for (const x of v) out.add(this.copy(x, at));
      return out;
    }
    const src = v as Record<string, unknown>;
    const out = Object.assign(
      Object.create(Object.getPrototypeOf(v) as object | null) as object,
      src,
    ) as Record<string, unknown>;
    this.memo.set(v, out);
    for (const k in out) {
      const x = out[k];
      if ((typeof x === 'object' && x !== null && !this.fields.has(k)) || typeof x === 'function')
        out[k] = this.copy(x, k);
    }
    return out;
  }
}
