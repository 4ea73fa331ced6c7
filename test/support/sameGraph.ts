/**
 * A structural comparison of an implementation object graph with a copy of it, for the
 * explorer's copies (impl `copy` methods): the copy must have the same shape and values (same
 * prototypes, fields, array and typed-array contents, the same aliasing between its own objects)
 * and share nothing mutable with the original: only the objects the explorer's snapshots share
 * anyway (the configuration, frozen objects, and the abstraction caches named in `cacheFields`,
 * which are never modified once handed out) may be the same objects.
 */

/** The first difference between `a` and its copy `b` (a path and what differs), or null when `b` is a faithful independent copy. */
export function sameGraph(
  a: unknown,
  b: unknown,
  shared: ReadonlySet<object>,
  cacheFields: ReadonlySet<string>,
): string | null {
  const pairs = new Map<object, object>();
  const images = new Set<object>();
  const walk = (x: unknown, y: unknown, at: string): string | null => {
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      // A function is shared only when declared so (a module-level driver, which holds no state).
      if (typeof x === 'function' || typeof y === 'function')
        return x === y && typeof x === 'function' && shared.has(x) ? null : `${at}: a function`;
      return Object.is(x, y) ? null : `${at}: ${String(x)} ≠ ${String(y)}`;
    }
    if (shared.has(x) || Object.isFrozen(x)) return x === y ? null : `${at}: a shared object was copied`;
    if (x === y) return `${at}: the copy shares a mutable object with the original`;
    const known = pairs.get(x);
    if (known !== undefined) return known === y ? null : `${at}: aliasing differs`;
    if (images.has(y)) return `${at}: aliasing differs (two objects copied to one)`;
    pairs.set(x, y);
    images.add(y);
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${at}: prototype differs`;
    if (ArrayBuffer.isView(x)) {
      const u = x as unknown as ArrayLike<number>;
      const v = y as unknown as ArrayLike<number>;
      if (u.length !== v.length) return `${at}: length differs`;
      for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return `${at}[${i}] differs`;
      return null;
    }
    if (x instanceof Map || x instanceof Set) return `${at}: Map/Set not compared`;
    const xs = x as Record<string, unknown>;
    const ys = y as Record<string, unknown>;
    const kx = Object.keys(xs);
    const ky = Object.keys(ys);
    if (kx.join() !== ky.join()) return `${at}: fields differ (${kx.join()} / ${ky.join()})`;
    for (const k of kx) {
      if (cacheFields.has(k)) {
        if (xs[k] !== ys[k]) return `${at}.${k}: a cache was not shared`;
        continue;
      }
      const d = walk(xs[k], ys[k], `${at}.${k}`);
      if (d !== null) return d;
    }
    return null;
  };
  return walk(a, b, 'root');
}
