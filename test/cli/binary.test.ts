/**
 * The real binary, end to end, as a user runs it (every other CLI test runs `main` in-process):
 * it starts, prints its version and help, exits 0/1/2 as documented, and never prints a stack.
 */
import { describe, expect, test } from 'vitest';
import { runBinary, tempDir } from './runCli.ts';

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
});
