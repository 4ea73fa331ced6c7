/**
 * Writes intcheck ITF traces as a Quint module of `run`s, to check them against the Quint
 * specifications (spec/quint): `npx tsx scripts/traceToQuint.ts OUT.qnt TRACE.itf.json…`, then
 * `QUINT_HOME=/tmp/quint npx quint test --backend=typescript --main=traces OUT.qnt`. Every trace
 * must have the configuration of the first one. Exits 2 with one line for bad input.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { configToJson } from '../protocols/controller/model/config/loadConfig.ts';
import { readControllerTrace } from '../protocols/controller/trace/readControllerTrace.ts';
import { protocolOfTrace } from '../protocols/readTrace.ts';
import { readWakeupTrace } from '../protocols/wakeup/trace/readWakeupTrace.ts';
import { parseItf } from '../traces/itfTrace.ts';
import { QUINT_SPEC_DIR } from '../traces/quint/quintCli.ts';
import { type QuintInstance, quintModule } from '../traces/quint/quintModule.ts';
import { quintRunOfTrace } from '../traces/quint/quintRun.ts';

/** The alias each protocol's instance gets in the module. */
const ALIAS = { controller: 'C', wakeup: 'W' } as const;

function main(args: readonly string[]): number {
  const [out, ...files] = args;
  if (out === undefined || files.length === 0) {
    console.error('usage: tsx scripts/traceToQuint.ts OUT.qnt TRACE.itf.json…');
    return 2;
  }
  const instances: QuintInstance[] = [];
  const runs: string[] = [];
  let configText: string | undefined;
  files.forEach((file, i) => {
    const text = readFileSync(file, 'utf8');
    const itf = parseItf(text, file);
    const protocol = protocolOfTrace(itf).name;
    if (protocol !== 'controller' && protocol !== 'wakeup')
      throw new Error(`${file}: ${protocol} traces have no Quint specification`);
    const parsed = protocol === 'controller' ? readControllerTrace(itf) : readWakeupTrace(itf);
    const cfgText = JSON.stringify(configToJson(parsed.config));
    configText ??= cfgText;
    if (cfgText !== configText) throw new Error(`${file}: its configuration differs from the first trace's`);
    const alias = ALIAS[parsed.protocol];
    if (!instances.some((x) => x.alias === alias))
      instances.push({ spec: parsed.protocol, cfg: parsed.config, alias });
    runs.push(quintRunOfTrace(text, `trace${i}Test`, alias, file));
  });
  const specPath = relative(dirname(resolve(out)), QUINT_SPEC_DIR).replaceAll('\\', '/');
  writeFileSync(out, quintModule('traces', specPath, instances, runs));
  console.log(`${out}: ${runs.length} runs (quint test --backend=typescript --main=traces ${out})`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`traceToQuint: ${e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e)}`);
  process.exitCode = 2;
}
