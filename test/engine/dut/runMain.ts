/**
 * Runs the `intcheck` command in this process (`main` from cli/main.ts) with its output captured
 * (so tests may run concurrently): fast enough to run one conversation per misbehaviour, and
 * exactly the CLI's code path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capturedIo } from '../../../cli/io.ts';
import { main } from '../../../cli/main.ts';
import { tempDir as sharedTempDir } from '../../support/tempDir.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The scripted misbehaving DUT. */
export const FAKE = join(ROOT, 'test', 'engine', 'dut', 'fixtures', 'fake_dut.py');
/** The example designs. */
export const GOOD = `python3 ${join(ROOT, 'examples', 'dut_reference.py')}`;
export const BUGGY = `python3 ${join(ROOT, 'examples', 'dut_buggy.py')}`;

/** What one command did. */
export interface MainRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** The lines of `text` (a final newline ends the last line, it does not start another). */
function linesOf(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** Runs `intcheck ...args` in this process. */
export async function runMain(args: readonly string[]): Promise<MainRun> {
  const io = capturedIo();
  const code = await main(['node', 'intcheck', ...args], io);
  return { code, stdout: linesOf(io.stdoutText()), stderr: linesOf(io.stderrText()) };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return sharedTempDir('dut');
}

/** Whether process `pid` is gone (reaped), waiting up to `ms` for it. */
export async function gone(pid: number, ms = 2000): Promise<boolean> {
  for (let waited = 0; waited <= ms; waited += 20) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/** The pid a fake DUT wrote to `file`. */
export function pidIn(file: string): number {
  if (!existsSync(file)) throw new Error(`the fake DUT wrote no pid to ${file}`);
  return Number(readFileSync(file, 'utf8'));
}
