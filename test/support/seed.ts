/**
 * The pinned seed and run counts of property tests. CI runs with the pinned seed; a soak run
 * sets INTCHECK_SEED and INTCHECK_RUNS (the latter replaces every run count given to `runs`).
 */
const DEFAULT_SEED = 20261123;

function envInt(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got ${JSON.stringify(v)}`);
  return n;
}

/** The seed every fast-check assertion of the suite uses. */
export const SEED: number = envInt('INTCHECK_SEED') ?? DEFAULT_SEED;

/** `runs` unless INTCHECK_RUNS overrides it (soak runs). */
export function runs(defaultRuns: number): number {
  return envInt('INTCHECK_RUNS') ?? defaultRuns;
}
