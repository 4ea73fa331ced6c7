/**
 * Scratch directories for the tests. vitest's global setup (builtPackage.ts) makes one root
 * directory for the run and removes it when the run ends, so a run leaves none of its scratch
 * files behind (it left about forty directories in the system's temporary directory per run).
 * A test file run without that setup gets its directories in the system's temporary directory.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable naming the run's root of scratch directories (set by the global setup). */
export const TEST_TMP_ENV = 'INTCHECK_TEST_TMP';

/** A fresh scratch directory named `intcheck-<what>-…` under the run's root. */
export function tempDir(what: string): string {
  const root = process.env[TEST_TMP_ENV];
  return mkdtempSync(join(root !== undefined && root !== '' ? root : tmpdir(), `intcheck-${what}-`));
}
