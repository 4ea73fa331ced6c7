/**
 * The benches measure what a user runs: the compiled package. `built()` rebuilds dist/ from the
 * sources (npm run build, about 2 s) and points worker threads at its compiled entries
 * (engine/workerEntry.ts), so a parallel run does not load TypeScript in each thread; it returns
 * the compiled binary's path.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export function built(): string {
  execFileSync(process.execPath, [`${ROOT}scripts/build.mjs`], { cwd: ROOT, stdio: 'inherit' });
  process.env.INTCHECK_COMPILED_ROOT = pathToFileURL(`${ROOT}dist/`).href;
  return `${ROOT}dist/cli/bin.js`;
}
