/**
 * Runs the `intcheck` command in this process (`main` from cli/main.ts) with its console output
 * captured per command (so tests may run concurrently): fast enough to run one conversation per
 * misbehaviour, and exactly the CLI's code path.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../../../cli/main.ts';

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

/** The output buffers of the command running in the current async context. */
const sinks = new AsyncLocalStorage<{ readonly stdout: string[]; readonly stderr: string[] }>();
let installed = false;

/** Routes console.log / console.error to the buffers of the command that called them (commands may run concurrently). */
function installSpies(): void {
  if (installed) return;
  installed = true;
  const to =
    (which: 'stdout' | 'stderr') =>
    (...a: unknown[]) => {
      sinks.getStore()?.[which].push(...a.map(String).join(' ').split('\n'));
    };
  vi.spyOn(console, 'log').mockImplementation(to('stdout'));
  vi.spyOn(console, 'error').mockImplementation(to('stderr'));
}

/** Runs `intcheck ...args` in this process. */
export async function runMain(args: readonly string[]): Promise<MainRun> {
  installSpies();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await sinks.run({ stdout, stderr }, () => main(['node', 'intcheck', ...args]));
  return { code, stdout, stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'intcheck-dut-'));
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
