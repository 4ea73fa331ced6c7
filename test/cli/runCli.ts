/**
 * Runs the `intcheck` command line: in this process through `main(argv, io)` (`runCli`: the CLI's
 * own code path, without paying the start of a Node process and the TypeScript loader per run), or
 * as a user would, the real binary in a child process (`runBinary`: for the few end-to-end tests
 * of the binary itself). Both return the exit code and the output.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capturedIo } from '../../cli/io.ts';
import { main } from '../../cli/main.ts';
import { tempDir as sharedTempDir } from '../support/tempDir.ts';

/** The repository root (the CLI's working directory in these tests). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The command as package.json's `bin` names it: the compiled JavaScript (vitest's global setup builds it). */
const BIN = join(ROOT, 'dist', 'cli', 'bin.js');

/** What one run of the command did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `intcheck ...args` in this process (the working directory is the repository root, as for
 * the binary below; INTCHECK_SEED is expected unset, so defaults are the pinned ones).
 */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  const io = capturedIo();
  const code = await main(['node', 'intcheck', ...args], io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

/** Runs the real binary `node dist/cli/bin.js ...args`; INTCHECK_SEED and INTCHECK_DEBUG are cleared so defaults are the pinned ones. */
export function runBinary(args: readonly string[], timeoutMs = 90_000): Promise<CliRun> {
  const env = { ...process.env };
  delete env.INTCHECK_SEED;
  delete env.INTCHECK_DEBUG;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(new Error(`intcheck ${args.join(' ')}: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
  });
}

/** A fresh temporary directory for one test's traces and reports. */
export function tempDir(): string {
  return sharedTempDir('cli');
}

/** The parsed `--json` output of a run (its only stdout line). */
export function jsonOf(run: CliRun): Record<string, unknown> {
  const parsed: unknown = JSON.parse(run.stdout);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`not a JSON object: ${run.stdout}`);
  }
  return parsed as Record<string, unknown>;
}

/** A report without what may differ between equivalent runs: timings and trace file names. */
export function comparable(run: CliRun): unknown {
  const report = jsonOf(run);
  const results = (report.results as Record<string, unknown>[]).map(({ seconds: _s, ...r }) => {
    if (typeof r.failure !== 'object' || r.failure === null) return r;
    const { trace: _t, ...failure } = r.failure as Record<string, unknown>;
    return { ...r, failure };
  });
  return { ...report, results };
}

/** The bytes of the trace file a failing report names. */
export function traceOf(run: CliRun): Buffer {
  const [result] = jsonOf(run).results as { failure?: { trace: string } }[];
  const file = result?.failure?.trace;
  if (file === undefined) throw new Error(`no failure in ${run.stdout}`);
  return readFileSync(file);
}
