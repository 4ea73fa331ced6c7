/**
 * vitest's global setup: the tests that start the real binary (`runBinary`) or pack the package
 * run the compiled JavaScript in dist/, so dist/ is rebuilt (npm run build) before the suite
 * whenever a source file is newer than it. `npm ci` builds it already (the `prepare` script);
 * this covers a developer who edited a source since. Once dist/ is current, the worker threads of
 * parallel checks load its compiled entry rather than registering tsx in every thread
 * (engine/workerEntry.ts, `INTCHECK_COMPILED_ROOT`). It also makes the run's root of scratch
 * directories (tempDir.ts) and removes it, with all the tests wrote there, when the run ends.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TEST_TMP_ENV } from './tempDir.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the build reads: the folders tsconfig.build.json compiles, and the build's own files. */
const INPUTS = ['api', 'cli', 'model', 'protocols', 'engine', 'traces', 'replay', 'report', 'pictures'];
const BUILD_FILES = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'package.json'];

/** The newest modification time under `path`, in milliseconds (0 when it does not exist). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds dist/ when stale and makes the run's scratch root; returns the teardown that removes the root. */
export default function setup(): () => void {
  const built = join(ROOT, 'dist', 'cli', 'bin.js');
  const sources = Math.max(...[...INPUTS, ...BUILD_FILES].map((p) => newest(join(ROOT, p))));
  if (!existsSync(built) || statSync(built).mtimeMs < sources)
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  process.env.INTCHECK_COMPILED_ROOT = pathToFileURL(join(ROOT, 'dist')).href;
  const scratch = mkdtempSync(join(tmpdir(), 'intcheck-tests-'));
  process.env[TEST_TMP_ENV] = scratch;
  return () => rmSync(scratch, { recursive: true, force: true });
}
