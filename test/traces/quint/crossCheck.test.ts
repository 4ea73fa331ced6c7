/**
 * The two specifications check each other, on the pinned seed:
 * 1. Quint → intcheck: `quint run --mbt --out-itf` traces of the controller and the wakeup spec
 *    replay against the reference implementation and the TypeScript model, every action accepted
 *    and every recorded state equal to the replay's (`replay --match-states`).
 * 2. intcheck → Quint: traces of intcheck's storms (run on the reference) become Quint `run`s that
 *    `quint test` checks against the Quint specs: every event enabled, every state equal.
 * Each direction is also shown able to fail, on a trace with one state altered.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runController } from '../../../protocols/controller/engine/runController.ts';
import { SMALL } from '../../../protocols/controller/model/config/config.ts';
import { controllerStorm } from '../../../protocols/controller/model/controllerEvent.ts';
import { controllerTrace } from '../../../protocols/controller/trace/controllerTrace.ts';
import { runWakeup } from '../../../protocols/wakeup/engine/runWakeup.ts';
import { wakeupStorm } from '../../../protocols/wakeup/engine/wakeupStorm.ts';
import { wakeupTrace } from '../../../protocols/wakeup/trace/wakeupTrace.ts';
import { QUINT_SPEC_DIR, runQuint } from '../../../traces/quint/quintCli.ts';
import { quintModule } from '../../../traces/quint/quintModule.ts';
import { quintRunOfTrace } from '../../../traces/quint/quintRun.ts';
import { traceToJson } from '../../../traces/writeTrace.ts';
import { jsonOf, runCli } from '../../cli/runCli.ts';
import { SEED } from '../../support/seed.ts';
import { crossCheck, readTestReport, reference, scratch } from './support.ts';

/** A copy of ITF text with state `i`'s variable `name` (unqualified) replaced by `value`. */
function altered(text: string, i: number, name: string, value: unknown): string {
  const json = JSON.parse(text) as { states: Record<string, unknown>[] };
  const state = json.states[i];
  if (state === undefined) throw new Error(`no state ${i}`);
  const key = Object.keys(state).find((k) => k === name || k.endsWith(`::${name}`));
  if (key === undefined) throw new Error(`no variable ${name}`);
  state[key] = value;
  return JSON.stringify(json);
}

/**
 * How many of intcheck's storms become Quint runs. Each is a whole trace that `quint test` checks
 * state by state against the spec (every event enabled, every state equal), so these count
 * traces, not property runs; each costs Quint's TypeScript evaluator about 0.2 s on top of its
 * 6 s of typechecking (40 + 20 took 18 s, 4 + 2 took 6 s). Fixed, not `runs()`: a soak's run
 * count would turn into thousands of Quint runs.
 */
const CONTROLLER_TRACES = 16;
const WAKEUP_TRACES = 8;

/** Quint takes seconds to parse and typecheck the specifications (more on a loaded machine). */
const QUINT_TIMEOUT = 240_000;

describe('Quint ⇄ intcheck cross-check', () => {
  test(
    'Quint MBT traces replay on the reference and the model with the same states',
    async () => {
      const dir = scratch();
      const sims = [
        ['controller.qnt', 'controllerSmall', 'controller', 30],
        ['wakeup.qnt', 'wakeupSmall', 'wakeup', 40],
      ] as const;
      const results = await Promise.all(
        sims.map(([file, main, prefix, steps]) =>
          runQuint([
            'run',
            `--main=${main}`,
            '--mbt',
            `--seed=${SEED}`,
            '--max-samples=3',
            '--n-traces=3',
            `--max-steps=${steps}`,
            '--invariant=invariant',
            '--verbosity=0',
            `--out-itf=${join(dir, `${prefix}_{seq}.itf.json`)}`,
            file,
          ]),
        ),
      );
      expect(results.map((r) => r.code)).toEqual([0, 0]);
      const files = readdirSync(dir).filter((f) => f.endsWith('.itf.json'));
      expect(files.length).toBe(6);
      for (const f of files) {
        const c = crossCheck(readFileSync(join(dir, f), 'utf8'), f);
        expect(c.protocol).toBe(f.startsWith('wakeup') ? 'wakeup' : 'controller');
        expect(c.events).toBeGreaterThan(5);
        expect({ f, ok: c.ok }).toEqual({ f, ok: true });
        expect({ f, mismatch: c.reference }).toEqual({ f, mismatch: null });
        expect({ f, mismatch: c.model }).toEqual({ f, mismatch: null });
      }

      // Able to fail: one recorded state altered is found at that state, on either side.
      const ctrl = readFileSync(join(dir, 'controller_0.itf.json'), 'utf8');
      expect(
        crossCheck(altered(ctrl, 4, 'error', { '#bigint': '15' }), 'bad.itf.json').reference?.state,
      ).toBe(4);
      const sys = readFileSync(join(dir, 'wakeup_0.itf.json'), 'utf8');
      expect(crossCheck(altered(sys, 3, 'harts', []), 'bad.itf.json').model).toMatchObject({ state: 3 });

      // And the command a user runs.
      const cli = await runCli([
        'replay',
        join(dir, 'wakeup_1.itf.json'),
        '--preset',
        'small',
        '--match-states',
        '--json',
      ]);
      expect(cli.code).toBe(0);
      expect(jsonOf(cli)).toMatchObject({ ok: true });
    },
    QUINT_TIMEOUT,
  );

  test(
    "intcheck storms' traces are accepted by the Quint specifications, state by state",
    async () => {
      const dir = scratch();
      const runs: string[] = [];
      const controllerStorms = fc.sample(controllerStorm(SMALL, { maxLength: 12 }), {
        seed: SEED,
        numRuns: CONTROLLER_TRACES,
      });
      const texts = controllerStorms.map((events) => {
        const run = runController(SMALL, reference(), events);
        expect(run.ok).toBe(true);
        return traceToJson(
          controllerTrace({
            cfg: SMALL,
            implementation: 'reference',
            initial: run.initial,
            steps: run.recorded,
          }),
        );
      });
      texts.forEach((text, i) => {
        runs.push(
          quintRunOfTrace(text, `controllerStorm${i}Test`, 'C', `controller storm ${i} (seed ${SEED})`),
        );
      });
      const wakeupStorms = fc.sample(wakeupStorm(SMALL, { maxEvents: 10 }), {
        seed: SEED,
        numRuns: WAKEUP_TRACES,
      });
      wakeupStorms.forEach((events, i) => {
        const run = runWakeup(SMALL, reference(), events);
        expect(run.ok).toBe(true);
        const text = traceToJson(
          wakeupTrace({ cfg: SMALL, implementation: 'reference', initial: run.initial, steps: run.recorded }),
        );
        runs.push(quintRunOfTrace(text, `wakeupStorm${i}Test`, 'W', `wakeup storm ${i} (seed ${SEED})`));
      });
      // Able to fail: the same storm with one recorded state altered.
      const first = texts[0] ?? '';
      const states = (JSON.parse(first) as { states: unknown[] }).states.length;
      runs.push(
        quintRunOfTrace(altered(first, states - 1, 'error', { '#bigint': '15' }), 'tamperedTest', 'C'),
      );

      const file = join(dir, 'stormTraces.qnt');
      const specPath = relative(dir, QUINT_SPEC_DIR).replaceAll('\\', '/');
      writeFileSync(
        file,
        quintModule(
          'stormTraces',
          specPath,
          [
            { spec: 'controller', cfg: SMALL, alias: 'C' },
            { spec: 'wakeup', cfg: SMALL, alias: 'W' },
          ],
          runs,
        ),
      );
      const out = join(dir, 'report.json');
      const r = await runQuint(['test', '--main=stormTraces', `--seed=${SEED}`, `--out=${out}`, file], {
        cwd: dir,
      });
      expect(r.code).toBe(1);
      const report = readTestReport(out);
      expect(report.failed).toEqual(['tamperedTest']);
      expect([...report.passed].sort()).toEqual(
        [
          ...controllerStorms.map((_, i) => `controllerStorm${i}Test`),
          ...wakeupStorms.map((_, i) => `wakeupStorm${i}Test`),
        ].sort(),
      );
    },
    QUINT_TIMEOUT,
  );
});
