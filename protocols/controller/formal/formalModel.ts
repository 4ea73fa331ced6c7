/**
 * Builds what yosys-smtbmc reads: the harness elaborated by Yosys at one configuration with one
 * seeded bug selected (an RTLIL file), then, per property, an SMT-LIB file in which only that
 * property's assertions are left (the others are removed, so their logic is optimised away).
 * Every file is cached under hw/formal/build by the hash of everything it is made from (sources,
 * parameters, script, Yosys's version), so a second run with the same inputs elaborates nothing.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../model/config/config.ts';
import type { FormalProperty } from './formalProperties.ts';
import { FORMAL_CACHE, FORMAL_FILES, RTL_FILES } from './hwFiles.ts';

/** The harness's parameters for `cfg` and the bug number (0: the correct RTL). */
function parameters(cfg: Config, bug: number): [string, string][] {
  return [
    ['N', String(cfg.processes)],
    ['P', String(cfg.priorities)],
    ['C', String(cfg.capacity)],
    ['D', String(cfg.devices)],
    ['T', String(cfg.ipcTypes)],
    ['B', String(cfg.waitDepth)],
    ['Q', String(cfg.pendingMax)],
    ['BASE', `64'h${cfg.base.toString(16)}`],
    ['BUG', String(bug)],
  ];
}

/**
 * The elaboration: flatten (one module, every name reachable), memories mapped to registers
 * (plain bit-vectors: no array theory), asynchronous resets made synchronous and enables
 * unmapped, the form write_smt2 accepts.
 */
function elaborationScript(cfg: Config, bug: number, out: string): string {
  const files = [...RTL_FILES, ...FORMAL_FILES].join(' ');
  const chparam = parameters(cfg, bug)
    .map(([k, v]) => `-set ${k} ${v}`)
    .join(' ');
  return [
    `read_verilog -sv -formal ${files}`,
    `chparam ${chparam} intc_formal_top`,
    'prep -top intc_formal_top',
    'flatten',
    'memory_map',
    'opt -fast',
    'async2sync',
    'dffunmap',
    `write_rtlil ${out}`,
  ].join('\n');
}

/** One property's SMT-LIB file: the other properties' assertions removed. */
function propertyScript(il: string, property: FormalProperty, out: string): string {
  return [
    `read_rtlil ${il}`,
    `select -set keep c:*.${property}_A c:*.${property}_*_A`,
    'chformal -remove t:$assert @keep %d',
    'opt_clean',
    `write_smt2 -wires ${out}`,
  ].join('\n');
}

function hash(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Runs a Yosys script; rejects with Yosys's last lines when it fails or exceeds `timeoutMs`. */
function runYosys(script: string, scriptFile: string, timeoutMs: number): Promise<void> {
  writeFileSync(scriptFile, `${script}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn('yosys', ['-q', '-s', scriptFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (b: Buffer) => {
      log = (log + b.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const why = signal === null ? `exit ${code}` : `stopped after ${timeoutMs / 1000} s`;
        const last = log.trim().split('\n').slice(-3).join(' / ');
        reject(new Error(`yosys failed (${why}): ${last}`));
      }
    });
  });
}

/** Builds `out` with `script` unless it is already there (written atomically). */
async function cached(out: string, script: (tmp: string) => string, timeoutMs: number): Promise<string> {
  if (existsSync(out)) return out;
  const tmp = `${out}.${process.pid}.tmp`;
  await runYosys(script(tmp), `${out}.${process.pid}.ys`, timeoutMs);
  renameSync(tmp, out);
  return out;
}

export interface FormalModel {
  /** The key of this configuration and bug (names every cached file). */
  readonly key: string;
  /** The SMT-LIB file of `property`, built on first use. */
  smt2(property: FormalProperty): Promise<string>;
}

/** The elaborated harness for `cfg` with bug `bug` (0: the correct RTL), built once. */
export async function formalModel(
  cfg: Config,
  bug: number,
  yosysVersion: string,
  timeoutMs: number,
): Promise<FormalModel> {
  mkdirSync(FORMAL_CACHE, { recursive: true });
  const sources = [...RTL_FILES, ...FORMAL_FILES].map((f) => readFileSync(f, 'utf8'));
  const key = hash([yosysVersion, elaborationScript(cfg, bug, ''), ...sources]);
  const il = await cached(
    join(FORMAL_CACHE, `${key}.il`),
    (tmp) => elaborationScript(cfg, bug, tmp),
    timeoutMs,
  );
  return {
    key,
    smt2: (property) =>
      cached(
        join(FORMAL_CACHE, `${key}.${property}.smt2`),
        (tmp) => propertyScript(il, property, tmp),
        timeoutMs,
      ),
  };
}
