/**
 * Versions (issue 20): a trace records the package version (`#meta.version`, the one `intcheck
 * --version` prints) and the trace format version (`#meta.formatVersion`); a trace of another
 * format version is refused in one line naming both (exit 2), and a trace without the field (every
 * one saved before it existed) is read as format 1.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readTrace } from '../../protocols/readTrace.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { TRACE_FORMAT_VERSION } from '../../traces/trace.ts';
import { ROOT, runCli, tempDir } from '../cli/runCli.ts';

const SAVED = join(ROOT, 'traces', 'saved');
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/** A fresh counterexample trace of the controller (the lifo mutant fails fifoWithinPriority). */
async function freshTrace(): Promise<string> {
  const out = tempDir();
  const run = await runCli([
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
    out,
  ]);
  expect(run.code).toBe(1);
  const file = readdirSync(out).find((f) => f.endsWith('.itf.json'));
  if (file === undefined) throw new Error(`no trace in ${out}`);
  return join(out, file);
}

describe('versions', () => {
  test('--version, #meta.version and the reports all say package.json’s version', async () => {
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe(PACKAGE_VERSION);
    expect(TOOL_VERSION).toBe(PACKAGE_VERSION);
    const meta = JSON.parse(readFileSync(await freshTrace(), 'utf8'))['#meta'];
    expect(meta.version).toBe(PACKAGE_VERSION);
    expect(meta.formatVersion).toBe(TRACE_FORMAT_VERSION);
  });

  test('a trace of another format version is refused in one line naming both (exit 2)', async () => {
    const file = await freshTrace();
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json['#meta'].formatVersion = 2;
    json['#meta'].version = '9.0.0';
    const future = join(tempDir(), 'future.itf.json');
    writeFileSync(future, JSON.stringify(json));
    const run = await runCli(['replay', future]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `intcheck: ${future}: #meta: trace format version 2 (written by intcheck 9.0.0), but intcheck ${PACKAGE_VERSION} reads trace format version 1\n`,
    );
    json['#meta'].formatVersion = 'one';
    writeFileSync(future, JSON.stringify(json));
    expect((await runCli(['replay', future])).stderr).toContain('"formatVersion" is not a whole number');
  });

  test('the saved traces carry no formatVersion and are read as format 1', () => {
    const files = readdirSync(SAVED).filter((f) => f.endsWith('.itf.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const meta = JSON.parse(readFileSync(join(SAVED, f), 'utf8'))['#meta'];
      expect(meta.formatVersion, f).toBeUndefined();
      expect(() => readTrace(join(SAVED, f)), f).not.toThrow();
    }
  });
});
