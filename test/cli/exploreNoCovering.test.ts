/**
 * `intcheck explore --protocol uipi --no-covering`: the owed masks keyed, every distinct (state,
 * owed masks) pair explored, by the packed engine (auto, judged) and the object engine alike, with
 * the same answer and trace; the JSON report says `"covering":false`, the text report "(no
 * covering)"; with --symmetry the object engine keys orbits with their owed masks. Other
 * protocols refuse the option (test/cli/badInput.test.ts).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UIPI_SKYLOFT } from '../../protocols/uipi/model/config.ts';
import { runCli, tempDir } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SKYLOFT = ['explore', '--protocol', 'uipi', '--preset', 'skyloft', '--json'];

describe('explore --no-covering', () => {
  it('explores the keyed space of UIPI by the packed engine and the object engine alike', async () => {
    const covering = await runCli(SKYLOFT);
    const auto = await runCli([...SKYLOFT, '--no-covering']);
    const judged = await runCli([...SKYLOFT, '--no-covering', '--engine', 'judged']);
    const objects = await runCli([...SKYLOFT, '--no-covering', '--engine', 'objects']);
    for (const r of [covering, auto, judged, objects]) expect(r.code).toBe(0);
    const counts = { verdict: 'complete', distinct: 2520, transitions: 8852, diameter: 25 };
    expect(JSON.parse(covering.stdout)).toMatchObject({ engine: 'judged', distinct: 2160 });
    expect(JSON.parse(covering.stdout).covering).toBeUndefined();
    expect(JSON.parse(auto.stdout)).toMatchObject({ ...counts, engine: 'judged', covering: false });
    expect(JSON.parse(judged.stdout)).toMatchObject({ ...counts, engine: 'judged', covering: false });
    expect(JSON.parse(objects.stdout)).toMatchObject({ ...counts, covering: false });
    expect(JSON.parse(objects.stdout).engine).toBeUndefined();
    const text = await runCli(['explore', '--protocol', 'uipi', '--preset', 'skyloft', '--no-covering']);
    expect(text.stdout).toMatch(
      /^explore uipi model skyloft \(no covering\): bound exhausted, no violation: 2,520 distinct states/,
    );
  });

  it('finds the same violation and writes the same trace with either engine', async () => {
    const config = join(dir, 'plain-short-drain.json');
    writeFileSync(config, JSON.stringify({ ...UIPI_SKYLOFT, timer: -1, drainBound: 17 }));
    const args = [
      'explore',
      '--protocol',
      'uipi',
      '--config',
      config,
      '--no-covering',
      '--json',
      '--out',
      dir,
    ];
    const auto = await runCli(args);
    const objects = await runCli([...args, '--engine', 'objects']);
    expect(auto.code).toBe(1);
    expect(objects.code).toBe(1);
    const a = JSON.parse(auto.stdout);
    expect(a).toMatchObject({ engine: 'judged', covering: false, distinct: 100, length: 4 });
    expect(a).toEqual({
      ...JSON.parse(objects.stdout),
      engine: 'judged',
      seconds: expect.any(Number),
      statesPerSecond: expect.any(Number),
    });
    expect(readFileSync(a.trace, 'utf8')).toBe(readFileSync(JSON.parse(objects.stdout).trace, 'utf8'));
  });

  it('keys orbits with their owed masks under --symmetry (the object engine)', async () => {
    const out = await runCli([
      'explore',
      '--protocol',
      'uipi',
      '--preset',
      'skyloft2',
      '--symmetry',
      '--no-covering',
      '--json',
    ]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ distinct: 5040, covering: false });
  });
});
