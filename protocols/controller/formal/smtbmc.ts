/**
 * One yosys-smtbmc run with z3: bounded model checking to a depth (every step checked, each on a
 * fresh solver: --noincr lets z3 bit-blast each query, which on this design is far faster than
 * its incremental core), or the induction step. --unroll sends ground definitions per step
 * (z3 stalls on yosys's parameterised ones) and hw/formal/z3, first on PATH, turns those into
 * declarations and equalities. Every run is time-limited: past the limit the process group is
 * killed and the depth reached so far is reported.
 */
import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';
import { FORMAL_DIR } from './hwFiles.ts';

export type SmtbmcOutcome =
  /** Every step up to `depth` cycles passed (BMC), or the induction step passed. */
  | { readonly kind: 'passed'; readonly depth: number; readonly seconds: number }
  /** An assertion fails in the cycle `depth` (1-based); `assertions` as smtbmc names them. */
  | {
      readonly kind: 'failed';
      readonly depth: number;
      readonly seconds: number;
      readonly assertions: readonly string[];
    }
  /** The time limit came first; steps before `depth` cycles had passed. */
  | { readonly kind: 'timeout'; readonly depth: number; readonly seconds: number }
  | { readonly kind: 'error'; readonly message: string; readonly seconds: number };

export interface SmtbmcRun {
  readonly smt2: string;
  /** Clock cycles (BMC), or the induction length. */
  readonly depth: number;
  /**
   * BMC: the first cycle (1-based) whose assertions are checked; the cycles before it are only
   * constrained (by the assumptions). Default 1: every cycle.
   */
  readonly from?: number;
  readonly induction: boolean;
  readonly timeoutMs: number;
  /** Where to write the counterexample's waveform (BMC). */
  readonly vcd?: string;
  /** Aborting it kills the run (its process group: yosys-smtbmc, the filter and z3). */
  readonly signal?: AbortSignal;
}

/** What a finished run's output says. */
export function parseSmtbmc(text: string, run: SmtbmcRun, seconds: number): SmtbmcOutcome {
  const steps = [...text.matchAll(/Checking assertions in step (\d+)\.\./g)].map((m) => Number(m[1]));
  const last = steps.at(-1) ?? 0;
  const assertions = [...text.matchAll(/Assert failed in \S+: (\S+)/g)].map((m) => m[1] ?? '');
  const status = /Status: (\w+)/.exec(text)?.[1];
  if (status === 'PASSED') return { kind: 'passed', depth: run.depth, seconds };
  if (status === 'FAILED' && !run.induction) return { kind: 'failed', depth: last + 1, seconds, assertions };
  if (status === 'FAILED') return { kind: 'failed', depth: run.depth, seconds, assertions };
  const tail = text.trim().split('\n').slice(-2).join(' / ');
  return { kind: 'error', message: `yosys-smtbmc ended without a status: ${tail}`, seconds };
}

/** Runs yosys-smtbmc as `run` says. */
export function runSmtbmc(run: SmtbmcRun): Promise<SmtbmcOutcome> {
  const skip = run.induction ? 0 : Math.min(Math.max(0, (run.from ?? 1) - 1), run.depth - 1);
  const steps = skip === 0 ? String(run.depth) : `${skip}:${run.depth}`;
  const args = ['-s', 'z3', '--unroll', '--noincr', '--noprogress', '-t', steps];
  if (run.induction) args.push('-i');
  if (run.vcd !== undefined) args.push('--dump-vcd', run.vcd);
  args.push(run.smt2);
  const env = { ...process.env, PATH: `${FORMAL_DIR}${delimiter}${process.env.PATH ?? ''}` };
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  return new Promise((resolve) => {
    const child = spawn('yosys-smtbmc', args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timedOut = false;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      out += b.toString();
    });
    const kill = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, run.timeoutMs);
    run.signal?.addEventListener('abort', kill, { once: true });
    child.on('error', (e) => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', kill);
      resolve({ kind: 'error', message: `yosys-smtbmc: ${e.message}`, seconds: seconds() });
    });
    child.on('close', () => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', kill);
      kill();
      if (timedOut) {
        const steps = [...out.matchAll(/Checking assertions in step (\d+)\.\./g)].map((m) => Number(m[1]));
        resolve({ kind: 'timeout', depth: run.induction ? 0 : (steps.at(-1) ?? 0), seconds: seconds() });
      } else resolve(parseSmtbmc(out, run, seconds()));
    });
  });
}
