/**
 * `intcheck check --protocol wakeup` end to end: both published designs lose a wakeup (exit 1,
 * the explained failure, the trace, its replay failing there and passing on the reference), the
 * reference passes the same storms, runtime and controller mutants under --mutant, --property
 * focus, --note, and --workers / --shard + merge giving the single run's report and trace.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { checkWakeup } from '../../protocols/wakeup/engine/checkWakeup.ts';
import { checkWakeupParallel } from '../../protocols/wakeup/engine/checkWakeupParallel.ts';
import { findWakeupMutant } from '../../protocols/wakeup/mutants/wakeupMutants.ts';
import { type CliRun, comparable, jsonOf, runCli, tempDir } from './runCli.ts';

/** Time limit of a test that runs several commands (CI shares two cores with the rest of the suite). */
const SLOW = 180_000;

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WAKEUP = ['check', '--protocol', 'wakeup', '--preset', 'small', '--seed', '42'];

/** The one configuration's failure of a `--json` report. */
function failureOf(run: CliRun): Record<string, unknown> {
  const [result] = jsonOf(run).results as { failure?: Record<string, unknown> }[];
  if (result?.failure === undefined) throw new Error(`no failure in ${run.stdout}`);
  return result.failure;
}

describe.each(['ats-intc-qemu', 'ats-intc-chisel'])('%s loses a wakeup', (design) => {
  test(
    'exit 1 with the shrunk counterexample explained; the trace fails on it and passes on the reference',
    async () => {
      const out = join(dir, design);
      const r = await runCli([...WAKEUP, '--impl', design, '--runs', '50', '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        new RegExp(`^✗ wakeup / ${design} / small: noLostWakeup failed at step 1 \\(storm \\d+, `, 'm'),
      );
      expect(r.stdout).toContain('interrupt on line 0 at step 1 found no waiter and was not counted');
      expect(r.stdout).toMatch(
        /task 0x1 \(handler of line 0\) registered for line 0 at step \d+ \(drain\) and is never woken/,
      );
      expect(r.stdout).toMatch(/ {6}0 {2}Irq\(line=0\)\n {2}→ {3}1 {2}Irq\(line=0\)\n/);
      const file = join(out, `wakeup--${design}--noLostWakeup--small.itf.json`);
      expect(r.stdout).toContain(`replay: npx intcheck replay ${file}`);
      const replay = await runCli(['replay', file]);
      expect(replay.code).toBe(1);
      expect(replay.stdout).toContain(`✗ still fails on "${design}": noLostWakeup at step 1`);
      const fixed = await runCli(['replay', file, '--impl', 'reference']);
      expect(fixed.code).toBe(0);
      expect(fixed.stdout).toMatch(/✓ passes on "reference"/);
    },
    SLOW,
  );
});

describe('intcheck check --protocol wakeup', () => {
  test('the reference passes the same storms on both presets: exit 0', async () => {
    const r = await runCli(['check', '--protocol', 'wakeup', '--impl', 'reference', '--runs', '50']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ wakeup \/ reference \/ small: \d+ properties hold on 50 storms/m);
    expect(r.stdout).toMatch(/^✓ wakeup \/ reference \/ published: /m);
  });

  test('a runtime mutant under --mutant fails, and its trace replays (exit 1)', async () => {
    const out = join(dir, 'runtime-mutant');
    const r = await runCli([
      ...WAKEUP,
      '--mutant',
      'skip-reregister',
      '--property',
      'noLostWakeupEventually',
      '--runs',
      '50',
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^✗ wakeup \/ skip-reregister \/ small: noLostWakeupEventually failed at step \d+ at quiescence \(storm/m,
    );
    expect(r.stdout).toContain('irqPending[0] = 1 is never taken');
    const replay = await runCli([
      'replay',
      join(out, 'wakeup--skip-reregister--noLostWakeupEventually--small.itf.json'),
    ]);
    expect(replay.code).toBe(1);
    const elsewhere = await runCli(['check', '--protocol', 'controller', '--mutant', 'skip-reregister']);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toMatch(/^intcheck: --mutant: "skip-reregister" is a runtime mutant .*\n$/);
  });

  test('a controller mutant under --mutant is run by the software runtime', async () => {
    const r = await runCli([
      ...WAKEUP,
      '--mutant',
      'register-ignores-pending',
      '--runs',
      '50',
      '--json',
      '--out',
      join(dir, 'controller-mutant'),
    ]);
    expect(r.code).toBe(1);
    expect(jsonOf(r)).toMatchObject({
      ok: false,
      protocol: 'wakeup',
      implementation: 'register-ignores-pending',
    });
    expect(failureOf(r)).toMatchObject({ property: 'noLostWakeup', phase: 'drain' });
  });

  test('--property focuses the check; --note lands in the trace', async () => {
    const out = join(dir, 'focus');
    const note = 'the handler is never woken again';
    const r = await runCli([
      ...WAKEUP,
      '--impl',
      'ats-intc-qemu',
      '--property',
      'noLostWakeupEventually',
      '--runs',
      '50',
      '--json',
      '--note',
      note,
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(jsonOf(r).properties).toEqual(['noLostWakeupEventually']);
    const failure = failureOf(r);
    expect(failure).toMatchObject({
      property: 'noLostWakeupEventually',
      phase: 'quiescence',
      counterexample: ['Irq(line=0)', 'Irq(line=0)'],
    });
    expect(failure.explanation).toContain(
      'interrupt on line 0 at step 1 found no waiter and was not counted (irqPending[0] stayed 0)',
    );
    const trace = JSON.parse(readFileSync(String(failure.trace), 'utf8')) as { '#meta': { note?: string } };
    expect(trace['#meta'].note).toBe(note);
    const unknown = await runCli([...WAKEUP, '--property', 'exactlyOnceReply']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'intcheck: --property: unknown property "exactlyOnceReply" for protocol wakeup\n',
    );
  });

  test('--protocol lists both protocols; an unknown one is exit 2 with one line', async () => {
    const help = await runCli(['check', '--help']);
    expect(help.stdout).toMatch(
      /--protocol <name> +protocol to check: controller \| wakeup \| syscall \| uipi/,
    );
    const bad = await runCli(['check', '--protocol', 'nonsense']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'intcheck: --protocol: unknown protocol "nonsense" (known: controller, wakeup, syscall, uipi)\n',
    );
  });
});

describe('scaling out a failing wakeup check changes nothing but the time', () => {
  test(
    'in-process, under vitest: worker threads find what one thread finds',
    async () => {
      const o = {
        cfg: SMALL,
        impl: findWakeupMutant('run-offline'),
        runs: 40,
        seed: 42,
        properties: ['onlyOnlineRun'],
      };
      const one = checkWakeup(o);
      expect(one.ok).toBe(false);
      expect(await checkWakeupParallel(o, 2)).toEqual(one);
    },
    SLOW,
  );

  test(
    '--workers 2 is --workers 1 (the first failure is not in the first batch)',
    async () => {
      const args = [
        ...WAKEUP,
        '--mutant',
        'double-wake',
        '--property',
        'taskInOnePlace',
        '--runs',
        '150',
        '--json',
      ];
      const [one, two] = await Promise.all([
        runCli([...args, '--workers', '1', '--out', join(dir, 'w1')]),
        runCli([...args, '--workers', '2', '--out', join(dir, 'w2')]),
      ]);
      expect(one.code).toBe(1);
      expect(two.stderr).toBe('');
      expect(two.code).toBe(1);
      expect(failureOf(one).run).toBeGreaterThan(10);
      expect(comparable(two)).toEqual(comparable(one));
      expect(readFileSync(String(failureOf(two).trace))).toEqual(readFileSync(String(failureOf(one).trace)));
    },
    SLOW,
  );

  test(
    'shards 0/3, 1/3 and 2/3 merged are the single run',
    async () => {
      const args = [
        ...WAKEUP,
        '--mutant',
        'run-offline',
        '--property',
        'onlyOnlineRun',
        '--runs',
        '30',
        '--json',
      ];
      const single = await runCli([...args, '--out', join(dir, 'single')]);
      const shards = await Promise.all(
        [0, 1, 2].map((i) => runCli([...args, '--shard', `${i}/3`, '--out', join(dir, 'shards')])),
      );
      expect(single.code).toBe(1);
      expect(shards[0]?.code).toBe(0); // the first failing storm is in shard 1
      const files = shards.map((s, i) => {
        const file = join(dir, `shard-${i}.json`);
        writeFileSync(file, s.stdout);
        return file;
      });
      const merged = await runCli(['merge', '--json', ...files.reverse()]);
      expect(merged.code).toBe(1);
      expect(comparable(merged)).toEqual(comparable(single));
      expect(readFileSync(String(failureOf(merged).trace))).toEqual(
        readFileSync(String(failureOf(single).trace)),
      );
      const text = await runCli(['merge', ...files]);
      expect(text.stdout).toMatch(/^✗ wakeup \/ run-offline \/ small: onlyOnlineRun failed at step/);
    },
    SLOW,
  );
});
