/**
 * `intcheck check`: random storms against an implementation, every property after every step;
 * on failure the shrunk counterexample is saved as an ITF trace and the replay command printed.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { controllerImplNames, findControllerImpl } from '../../impl/registry.ts';
import { configToJson } from '../../model/config/loadConfig.ts';
import { formatEvent } from '../../model/events/formatEvent.ts';
import { type CheckResult, checkController } from '../../properties/check/checkController.ts';
import { findProperty, propertiesOf } from '../../properties/registry.ts';
import { controllerTrace } from '../../traces/controllerTrace.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
import { EXIT, UsageError } from '../errors.ts';
import { defaultSeed, intOption, resolveConfigs } from '../options.ts';
import { progressBar } from '../progress.ts';

interface CheckFlags {
  protocol: string;
  impl?: string;
  mutant?: string;
  preset?: string;
  config?: string;
  runs?: string;
  seed?: string;
  out: string;
  json?: boolean;
  property?: string[];
  maxEvents?: string;
}

export function registerCheck(program: Command, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('run random storms against an implementation and check every property after every step')
    .requiredOption('--protocol <name>', 'protocol to check: controller')
    .option('--impl <name>', `implementation (${controllerImplNames().join(', ')})`)
    .option('--mutant <name>', 'a seeded-bug implementation from the mutant catalogue')
    .option('--preset <name>', 'configuration preset: small | published (default: small, then published)')
    .option('--config <file>', 'configuration JSON file (missing fields take the published values)')
    .option('--runs <n>', 'random storms per configuration', '1000')
    .option('--seed <n>', 'fast-check seed (default: INTCHECK_SEED or 42)')
    .option('--max-events <n>', 'longest storm', '80')
    .option('--property <id...>', 'check only these properties')
    .option('--out <dir>', 'where counterexample traces are written', 'out')
    .option('--json', 'print one JSON object instead of text')
    .action((flags: CheckFlags) => setExit(runCheck(flags)));
}

function runCheck(f: CheckFlags): number {
  if (f.protocol !== 'controller')
    throw new UsageError(`--protocol: unknown protocol "${f.protocol}" (known: controller)`);
  if (f.impl !== undefined && f.mutant !== undefined)
    throw new UsageError('--impl and --mutant cannot be used together');
  const implName = f.mutant ?? f.impl ?? 'reference';
  const impl = findControllerImpl(implName);
  if (impl === undefined) {
    throw new UsageError(
      `${f.mutant ? '--mutant' : '--impl'}: unknown implementation "${implName}" (known: ${controllerImplNames().join(', ')})`,
    );
  }
  const known = propertiesOf('controller').map((p) => p.id);
  for (const id of f.property ?? []) {
    if (findProperty(id) === undefined || !known.includes(id))
      throw new UsageError(`--property: unknown property "${id}" for protocol controller`);
  }
  const runs = intOption('--runs', f.runs, 1000, 1);
  const seed = intOption('--seed', f.seed, defaultSeed(), -(2 ** 31), 2 ** 31 - 1);
  const maxEvents = intOption('--max-events', f.maxEvents, 80, 1, 1_000_000);
  const reports: Record<string, unknown>[] = [];
  for (const { name, cfg } of resolveConfigs(f)) {
    const bar = progressBar(`${implName} ${name}`, runs, !f.json);
    const t0 = performance.now();
    const result: CheckResult = checkController({
      cfg,
      impl,
      runs,
      seed,
      maxEvents,
      ...(f.property ? { properties: f.property } : {}),
      onRun: (n) => bar.tick(n),
    });
    bar.done();
    const seconds = (performance.now() - t0) / 1000;
    if (result.ok) {
      const n = f.property?.length ?? known.length;
      reports.push({ preset: name, ok: true, runs: result.runs, events: result.events, seconds });
      if (!f.json) {
        console.log(
          `✓ controller / ${implName} / ${name}: ${n} properties hold on ${result.runs} storms (${result.events.toLocaleString('en')} events) in ${seconds.toFixed(2)} s [seed ${seed}]`,
        );
      }
      continue;
    }
    const v = result.failure.violation;
    const file = join(
      f.out,
      `controller--${implName}--${v.property}--${name.replace(/[^\w.-]+/g, '_')}.itf.json`,
    );
    writeTrace(
      file,
      controllerTrace({
        cfg,
        implementation: implName,
        property: v.property,
        message: v.message,
        seed: result.seed,
        path: result.path,
        failingStep: v.step,
        initial: result.failure.initial,
        steps: result.failure.recorded,
      }),
    );
    if (f.json) {
      console.log(
        JSON.stringify({
          ok: false,
          protocol: 'controller',
          implementation: implName,
          preset: name,
          config: configToJson(cfg),
          property: v.property,
          step: v.step,
          message: v.message,
          runs: result.runs,
          shrinks: result.shrinks,
          seed: result.seed,
          path: result.path,
          length: result.counterexample.length,
          trace: file,
          seconds,
        }),
      );
    } else {
      console.log(
        `✗ controller / ${implName} / ${name}: ${v.property} failed at step ${v.step} (storm ${result.runs}, shrunk ${result.shrinks} times to ${result.counterexample.length} events)`,
      );
      console.log(`  ${v.message}`);
      console.log('  counterexample:');
      for (const [i, e] of result.counterexample.entries())
        console.log(`  ${i === v.step ? '→' : ' '} ${String(i).padStart(3)}  ${formatEvent(e)}`);
      console.log(`  trace:  ${file}`);
      console.log(`  replay: npx intcheck replay ${file}`);
      console.log(`  fast-check: { seed: ${result.seed}, path: "${result.path}", endOnFailure: true }`);
    }
    return EXIT.failed;
  }
  if (f.json)
    console.log(
      JSON.stringify({ ok: true, protocol: 'controller', implementation: implName, seed, results: reports }),
    );
  return EXIT.ok;
}
