/**
 * `intcheck explore --protocol uipi --no-covering --workers 2`: the UIPI model's keyed space on the
 * parallel search, with the sequential object engine's counts and JSON report (`"covering":false`),
 * and on a violation its exit code, counterexample and trace bytes (asked of the sequential
 * explorer). With the covering measure `--workers` is refused (test/cli/badInput.test.ts).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UIPI_SKYLOFT } from '../../protocols/uipi/model/config.ts';
import { runCli, tempDir } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A JSON report without its timings. */
const untimed = (stdout: string): unknown => ({
  ...JSON.parse(stdout),
  seconds: 0,
  statesPerSecond: 0,
});

const UIPI = ['explore', '--protocol', 'uipi'];

/** `explore --protocol uipi` of a configuration file, keyed, on the object engine. */
const keyed = (config: string, out: string): string[] => [
  ...UIPI,
  ...['--config', config, '--no-covering', '--engine', 'objects', '--json', '--out', out],
];

describe('explore --protocol uipi --no-covering --workers 2', () => {
  it.each<[string, object, number]>([
    ['skyloft', UIPI_SKYLOFT, 2520],
    ['plain', { ...UIPI_SKYLOFT, timer: -1 }, 34_328],
  ])('counts what one thread counts (%s)', async (name, cfg, distinct) => {
    const config = join(dir, `${name}.json`);
    writeFileSync(config, JSON.stringify(cfg));
    const one = await runCli(keyed(config, join(dir, `one-${name}`)));
    const two = await runCli([...keyed(config, join(dir, `two-${name}`)), '--workers', '2']);
    for (const r of [one, two]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(JSON.parse(one.stdout)).toMatchObject({ verdict: 'complete', distinct, covering: false });
    expect(untimed(two.stdout)).toEqual(untimed(one.stdout));
  });

  it('the auto engine on two workers is the object engine keyed (no engine in the report)', async () => {
    const two = await runCli([
      ...UIPI,
      ...['--preset', 'skyloft', '--no-covering', '--workers', '2', '--json'],
    ]);
    expect(two.code).toBe(0);
    const r = JSON.parse(two.stdout);
    expect(r).toMatchObject({ distinct: 2520, transitions: 8852, diameter: 25, covering: false });
    expect(r.engine).toBeUndefined();
  });

  it('finds the violation one thread finds: exit 1, the same counterexample, the same trace', async () => {
    const config = join(dir, 'plain-short-drain.json');
    writeFileSync(config, JSON.stringify({ ...UIPI_SKYLOFT, timer: -1, drainBound: 17 }));
    const one = await runCli(keyed(config, join(dir, 'one-violation')));
    const two = await runCli([...keyed(config, join(dir, 'two-violation')), '--workers', '2']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    expect(a).toMatchObject({ covering: false, length: 4 });
    expect({ ...b, trace: '', seconds: 0, statesPerSecond: 0 }).toEqual({
      ...a,
      trace: '',
      seconds: 0,
      statesPerSecond: 0,
    });
    expect(readFileSync(b.trace, 'utf8')).toBe(readFileSync(a.trace, 'utf8'));
  });
});
