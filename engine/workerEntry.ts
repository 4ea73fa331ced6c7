/**
 * Where a worker thread starts: the entries live in protocols/parallel/ (they load the protocol
 * list, the composition root above every layer); this module only names the file, so it is the
 * one place that knows which form runs.
 *
 * - From the built package (dist/): the compiled `NAME.js` beside the other compiled modules.
 * - From the TypeScript sources (tests, benches, `tsx`): `NAME.mjs`, which registers tsx and loads
 *   `NAME.ts`, costing each thread some 1.5 s of TypeScript loading; unless
 *   `INTCHECK_COMPILED_ROOT` names a dist/ built from these very sources (the test runner's global
 *   setup, test/support/builtPackage.ts, and the benches set it after building), whose compiled
 *   entry then runs instead.
 */

export type WorkerName = 'batchWorker' | 'exploreWorker';

/** The URL a worker thread named `name` starts from (see above for which form). */
export function workerEntry(name: WorkerName): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL(`../protocols/parallel/${name}.js`, import.meta.url);
  const compiled = process.env.INTCHECK_COMPILED_ROOT;
  if (compiled !== undefined && compiled !== '')
    return new URL(`protocols/parallel/${name}.js`, compiled.endsWith('/') ? compiled : `${compiled}/`);
  return new URL(`../protocols/parallel/${name}.mjs`, import.meta.url);
}
