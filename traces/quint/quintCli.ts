/**
 * Runs the Quint command line (`@informalsystems/quint`, a dev dependency) offline: always with
 * the TypeScript backend (the default Rust evaluator is a download), and with QUINT_HOME inside
 * the system's temporary folder so that Quint writes nothing into the user's home.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the Quint specifications (spec/quint). */
export const QUINT_SPEC_DIR = fileURLToPath(new URL('../../spec/quint/', import.meta.url));

/** Where Quint may keep its files: QUINT_HOME when set, else a folder under the temporary directory. */
function quintHome(): string {
  const home = process.env.QUINT_HOME;
  return home !== undefined && home !== '' ? home : join(tmpdir(), 'intcheck-quint-home');
}

/** What one Quint process did. */
export interface QuintResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The subcommands that evaluate a specification and so take `--backend`. */
const EVALUATING = new Set(['run', 'test']);

/**
 * Runs `quint ...args` in `cwd` (default spec/quint) and resolves with its exit code and output;
 * `run` and `test` get `--backend=typescript`. Rejects only when Quint cannot be started or
 * exceeds `timeoutMs`.
 */
export function runQuint(
  args: readonly string[],
  opts: { readonly cwd?: string; readonly timeoutMs?: number } = {},
): Promise<QuintResult> {
  const cli = createRequire(import.meta.url).resolve('@informalsystems/quint/dist/src/cli.js');
  const [command] = args;
  const full =
    command !== undefined && EVALUATING.has(command) ? [...args, '--backend=typescript'] : [...args];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, ...full],
      {
        cwd: opts.cwd ?? QUINT_SPEC_DIR,
        env: { ...process.env, QUINT_HOME: quintHome() },
        timeout: opts.timeoutMs ?? 180_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(new Error(`quint ${args.join(' ')}: ${error.message}`));
          return;
        }
        resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
  });
}
