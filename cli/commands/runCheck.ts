/**
 * The work of `intcheck check` (cli/commands/check.ts registers the command and loads this only
 * when it runs): the protocol's descriptor resolves the implementation and the configurations,
 * each configuration is checked in turn, stopping at the first that fails.
 */
import { performance } from 'node:perf_hooks';
import type { Coverage } from '../../engine/coverage/coverage.ts';
import { implementationOf, propertyIdsOf, protocolNamed } from '../../protocols/index.ts';
import {
  type CheckReport,
  type ConfigReport,
  coverageLines,
  formatResult,
  reportToJson,
} from '../../report/checkReport.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { progressBar } from '../progress.ts';
import type { CheckFlags } from './check.ts';
import { writeCheckReport } from './checkHtmlReport.ts';
import { checkRunOptions } from './checkRunOptions.ts';

/** Checks each configuration in turn, stopping at the first that fails; returns the exit code. */
export async function runCheck(f: CheckFlags, io: Io): Promise<number> {
  const protocol = protocolNamed(f.protocol);
  const impl = implementationOf(protocol, f);
  const asked = propertyIdsOf(protocol, f.property);
  const profiled = f.profile === undefined ? undefined : protocol.profileProperties(impl, f.profile);
  const selected = asked ?? profiled;
  const known = protocol.properties.map((p) => p.id);
  const checked = selected ? known.filter((id) => selected.includes(id)) : protocol.defaultProperties(impl);
  const { runs, seed, maxEvents, workers, shard, note, range } = checkRunOptions(f);
  const configs = protocol.checkConfigs({ ...f, impl });
  const head: Omit<CheckReport, 'results' | 'ok'> = {
    protocol: protocol.name,
    implementation: impl,
    version: TOOL_VERSION,
    seed,
    runs,
    maxEvents,
    properties: [...checked],
    ...(shard ? { shard: { ...shard, ...range } } : {}),
  };
  const results: ConfigReport[] = [];
  const coverages: (Coverage | undefined)[] = [];
  const started = performance.now();
  for (const config of configs) {
    const bar = progressBar(`${impl} ${config.name}`, range.to - range.from, !f.json, io);
    const t0 = performance.now();
    const coverage = f.report === undefined ? undefined : protocol.coverage();
    coverages.push(coverage);
    const r = await config.check({
      impl,
      runs,
      range,
      seed,
      maxEvents,
      ...(selected ? { properties: selected } : {}),
      workers,
      out: f.out,
      ...(shard ? { shard } : {}),
      ...(note === undefined ? {} : { note }),
      ...(f.profile === undefined ? {} : { profile: f.profile }),
      ...(coverage === undefined ? {} : { coverage }),
      onRun: (n) => bar.tick(n),
      seconds: () => (performance.now() - t0) / 1000,
    });
    bar.done();
    results.push(r);
    if (!f.json) for (const line of formatResult(head, r)) io.out(line);
    const next = configs[configs.indexOf(config) + 1];
    if (
      results.some((x) => !x.ok) &&
      (next === undefined || next.group === undefined || next.group !== config.group)
    )
      break;
  }
  const ok = results.every((r) => r.ok);
  if (!f.json) {
    const flag = protocol.designs.some((d) => d.name === impl) ? '--impl' : '--mutant';
    const rerun = (preset: string) =>
      `npx intcheck check --protocol ${protocol.name} ${flag} ${impl} --preset ${preset}`;
    for (const line of coverageLines(
      results,
      configs.map((c) => c.name),
      rerun,
    ))
      io.out(line);
  }
  if (f.json) io.out(reportToJson({ ok, ...head, results }));
  if (f.report !== undefined) {
    const seconds = (performance.now() - started) / 1000;
    writeCheckReport(f.report, { report: { ok, ...head, results }, coverages, seconds, workers });
    if (!f.json) io.out(`report: ${f.report}`);
  }
  return ok ? EXIT.ok : EXIT.failed;
}
