/**
 * Builds what yosys-smtbmc reads: the harness elaborated by Yosys at one configuration, the
 * correct RTL or the RTL with its seeded bugs compiled in (an RTLIL file), then SMT-LIB files,
 * each with one seeded bug selected, that keep only some assertions (the others are removed, so
 * their logic is optimised away): per property, its assertions (the bounded check), and for the
 * induction step its assertions with the induction invariants of the checker (`*_I`, bound to
 * the design by hw/formal/intc_probes.ys). Every file is cached under hw/formal/build by the hash
 * of everything it is made from (sources, parameters, scripts, Yosys's version), so a second run
 * with the same inputs elaborates nothing.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../model/config/config.ts';
import type { CheckerMutation } from './checkerMutations.ts';
import type { FormalProperty } from './formalProperties.ts';
import { FORMAL_CACHE, FORMAL_FILES, PROBES_SCRIPT, RTL_FILES } from './hwFiles.ts';

/** The design's per-line edge backlog counter width (intc_formal_top's EDGE_W). */
const EDGE_W = 8;

/** The harness's parameters for `cfg`, with the seeded bugs compiled in or not. */
function parameters(cfg: Config, bugs: boolean): [string, string][] {
  return [
    ['N', String(cfg.processes)],
    ['P', String(cfg.priorities)],
    ['C', String(cfg.capacity)],
    ['D', String(cfg.devices)],
    ['T', String(cfg.ipcTypes)],
    ['B', String(cfg.waitDepth)],
    ['Q', String(cfg.pendingMax)],
    ['BASE', `64'h${cfg.base.toString(16)}`],
    ['BUG', bugs ? '1' : '0'],
  ];
}

/** The probe bindings of `text` (intc_probes.ys) for `devices` lines: a line with %d% once per line. */
export function probeCommands(text: string, devices: number): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .flatMap((l) =>
      l.includes('%d%')
        ? Array.from({ length: devices }, (_, d) =>
            l
              .replaceAll('%d%', String(d))
              .replaceAll('%HI%', String(d * EDGE_W + EDGE_W - 1))
              .replaceAll('%LO%', String(d * EDGE_W)),
          )
        : [l],
    );
}

/**
 * The elaboration: flatten (one module, every name reachable), the probes bound, memories mapped
 * to registers (plain bit-vectors: no array theory), asynchronous resets made synchronous and
 * enables unmapped, the form write_smt2 accepts.
 */
function elaborationScript(cfg: Config, bugs: boolean, probes: readonly string[], out: string): string {
  const files = [...RTL_FILES, ...FORMAL_FILES].join(' ');
  const chparam = parameters(cfg, bugs)
    .map(([k, v]) => `-set ${k} ${v}`)
    .join(' ');
  return [
    `read_verilog -sv -formal ${files}`,
    `chparam ${chparam} intc_formal_top`,
    'prep -top intc_formal_top',
    'flatten',
    ...probes,
    'memory_map',
    'opt -fast',
    'async2sync',
    'dffunmap',
    `write_rtlil ${out}`,
  ].join('\n');
}

/**
 * An SMT-LIB file with only the assertions `keep` selects (Yosys selection patterns) left, after
 * `changes` (the seeded bug selected, a checker mutation). -nomem: no array theory (memory_map
 * left no memory), so yosys-smtbmc declares the logic QF_BV, which z3 bit-blasts; under QF_ABV
 * the same queries took 1.7 times the CPU. No -wires: a counterexample's waveform needs only the
 * harness's `(* keep *)` event signals, and every other wire would be unrolled and dumped too.
 */
function selectionScript(
  il: string,
  keep: readonly string[],
  changes: readonly string[],
  out: string,
): string {
  return [
    `read_rtlil ${il}`,
    ...changes,
    `select -set keep ${keep.join(' ')}`,
    'chformal -remove t:$assert @keep %d',
    'opt_clean',
    `write_smt2 -nomem ${out}`,
  ].join('\n');
}

/** The assertions of property `p` (`P_A`, and its parts `P_<part>_A`). */
const assertionsOf = (p: FormalProperty): string[] => [`c:*.${p}_A`, `c:*.${p}_*_A`];
/** Every induction invariant of the checker. */
const INVARIANTS = 'c:*_I';

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
  const ys = `${out}.${process.pid}.ys`;
  try {
    await runYosys(script(tmp), ys, timeoutMs);
  } finally {
    rmSync(ys, { force: true });
  }
  renameSync(tmp, out);
  return out;
}

export interface FormalModel {
  /** The key of this configuration and bug (names every cached file). */
  readonly key: string;
  /**
   * The SMT-LIB file of `property`'s assertions (bounded model checking), built on first use; in
   * the checker mutated by `mutation` when given.
   */
  smt2(property: FormalProperty, mutation?: CheckerMutation): Promise<string>;
  /**
   * The SMT-LIB file of the induction step: `property`'s assertions, or only its assertion `part`
   * (`noLostWakeup_edges_A`), with every induction invariant.
   */
  inductionSmt2(property: FormalProperty, part?: string): Promise<string>;
}

/**
 * The elaborated harness for `cfg` with bug `bug` (0: the correct RTL, its bug hooks tied off as
 * in synthesis). Every seeded bug shares one elaboration, the bugs compiled in; the bug is
 * selected in each SMT-LIB file by driving the harness's `bug_sel` with its number.
 */
export async function formalModel(
  cfg: Config,
  bug: number,
  yosysVersion: string,
  timeoutMs: number,
): Promise<FormalModel> {
  mkdirSync(FORMAL_CACHE, { recursive: true });
  const probes = probeCommands(readFileSync(PROBES_SCRIPT, 'utf8'), cfg.devices);
  const sources = [...RTL_FILES, ...FORMAL_FILES].map((f) => readFileSync(f, 'utf8'));
  const bugs = bug !== 0;
  const scripts = [elaborationScript(cfg, bugs, probes, ''), selectionScript('', [], [], '')];
  const key = hash([yosysVersion, ...scripts, ...sources]);
  const il = await cached(
    join(FORMAL_CACHE, `${key}.il`),
    (tmp) => elaborationScript(cfg, bugs, probes, tmp),
    timeoutMs,
  );
  const selected = bugs ? [`connect -set bug_sel 8'd${bug}`] : [];
  const select = (name: string, keep: readonly string[], mutation: readonly string[] = []) =>
    cached(
      join(FORMAL_CACHE, `${key}.bug${bug}.${name}.smt2`),
      (tmp) => selectionScript(il, keep, [...selected, ...mutation], tmp),
      timeoutMs,
    );
  return {
    key,
    smt2: (property, mutation) =>
      mutation === undefined
        ? select(property, assertionsOf(property))
        : select(`${property}.${mutation.name}`, assertionsOf(property), mutation.commands(cfg)),
    inductionSmt2: (property, part) =>
      part === undefined
        ? select(`${property}.ind`, [...assertionsOf(property), INVARIANTS])
        : select(`${part}.ind`, [`c:*.${part}`, INVARIANTS]),
  };
}
