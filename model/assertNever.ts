/** Exhaustive switches: a missing case does not compile; reaching one at run time throws. */

/** Stops a switch from compiling when a case is missing; throws if reached at run time. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(
    `unexpected ${what}: ${JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`,
  );
}
