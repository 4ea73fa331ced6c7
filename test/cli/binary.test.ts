/**
 * The real binary, end to end, as a user runs it (every other CLI test runs `main` in-process):
 * it starts, prints its version and help, exits 0/1/2 as documented, and never prints a stack.
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ROOT, runBinary, runCli, tempDir } from './runCli.ts';

/**
 * The files of dist/ that `node dist/cli/bin.js ...args` loads, in the order loaded, from a module
 * hook that logs every load (of every thread; these commands start none).
 */
function loadedFiles(args: readonly string[]): Promise<string[]> {
  const dir = tempDir();
  const hook = join(dir, 'logLoads.mjs');
  const log = join(dir, 'loads.txt');
  const logger = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}`;
  writeFileSync(
    hook,
    `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(logger)}`)});\n`,
  );
  writeFileSync(log, '');
  const dist = join(ROOT, 'dist');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', hook, join(dist, 'cli', 'bin.js'), ...args],
      { cwd: ROOT },
      (error) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        const files = readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map((url) => fileURLToPath(url));
        resolve(files.filter((f) => f.startsWith(`${dist}/`)).map((f) => f.slice(dist.length + 1)));
      },
    );
  });
}

describe('node dist/cli/bin.js (package.json bin)', () => {
  test('--version prints the package version; --help lists the commands and the protocols', async () => {
    const [version, help] = await Promise.all([runBinary(['--version']), runBinary(['check', '--help'])]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--protocol <name>');
    expect(help.stdout).toContain('controller | wakeup | syscall | uipi');
  });

  test('a failing check exits 1, bad input exits 2 with one line and no stack trace', async () => {
    const [failing, bad] = await Promise.all([
      runBinary([
        'check',
        '--protocol',
        'controller',
        '--mutant',
        'lifo-within-priority',
        '--preset',
        'small',
        '--runs',
        '50',
        '--out',
        tempDir(),
      ]),
      runBinary(['check', '--protocol', 'nope']),
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('fifoWithinPriority');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(
      /^intcheck: --protocol: unknown protocol "nope" \(known: controller, wakeup, syscall, uipi\)\n$/,
    );
  });

  test('the bundled command line (scripts/build.mjs): --help loads its entry and none of explore’s chunks', async () => {
    const [help, explore] = await Promise.all([
      loadedFiles(['--help']),
      loadedFiles(['explore', '--protocol', 'wakeup', '--preset', 'nosuch']),
    ]);
    // Only the bundle runs in the command's process, never a module file of dist/ beside it
    // (which would be a second copy of that module's state).
    for (const files of [help, explore]) {
      expect(files[0]).toBe('cli/bin.js');
      expect(files.slice(1).filter((f) => !/^cli\/bundle\/[\w-]+\.js$/.test(f))).toEqual([]);
    }
    const runner = explore.filter((f) => /^cli\/bundle\/runExplore-\w+\.js$/.test(f));
    expect(runner).toHaveLength(1);
    expect(help.filter((f) => explore.includes(f))).toEqual(help);
    expect(help).not.toContain(runner[0]);
    // --help reads a small part of what explore needs (35 kB of 1.1 MB when this was written).
    const bytes = (files: readonly string[]) =>
      files.reduce((n, f) => n + statSync(join(ROOT, 'dist', f)).size, 0);
    expect(bytes(help)).toBeLessThan(bytes(explore) / 10);
  });

  test('the bundle keeps the names diagrams print: each statechart as the sources draw it', async () => {
    // `intcheck diagram` labels a guard or action by its function's name (pictures/diagram/chart.ts),
    // and the bundle keeps no names (no esbuild keepNames): two bundled functions of one name would
    // be renamed, and their labels with them
    for (const protocol of ['controller', 'wakeup', 'syscall', 'uipi']) {
      const args = ['diagram', '--protocol', protocol, '--format', 'dot'];
      const [bundled, sources] = await Promise.all([runBinary(args), runCli(args)]);
      expect(bundled.code).toBe(0);
      expect(bundled.stdout.length).toBeGreaterThan(500);
      expect(bundled.stdout).toBe(sources.stdout);
    }
  });
});
