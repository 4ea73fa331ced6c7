/**
 * The induction of a property that BMC found to hold (k-induction with yosys-smtbmc): its
 * assertions with the checker's induction invariants (hw/formal/intc_checker.sv, `*_I`), the base
 * case from reset and the induction step, both k cycles long; when the whole property is not
 * proved and it has several assertions, each assertion with the invariants on its own.
 */
import { readFileSync } from 'node:fs';
import type { FormalModel } from './formalModel.ts';
import type { FormalProperty } from './formalProperties.ts';
import { runSmtbmc } from './smtbmc.ts';

export interface InductionOptions {
  /** k: the length of the base case and of the induction step, in clock cycles. */
  readonly inductionDepth: number;
  /** Per solver call. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** The assertions an SMT-LIB file of write_smt2 holds, by name (`u_chk.noLostWakeup_edges_A`). */
function smt2Assertions(text: string): string[] {
  return [...text.matchAll(/^; yosys-smt2-assert \d+ (\S+)/gm)].map((m) => m[1] ?? '');
}

/**
 * k-induction of `smt2` (assertions and invariants): the base case (no assertion fails in the
 * first k cycles from reset) and the induction step (k cycles in which every assertion holds are
 * never followed by one in which one fails).
 */
async function inductive(
  o: InductionOptions,
  smt2: string,
): Promise<{ readonly proved: boolean; readonly seconds: number }> {
  const solver = {
    smt2,
    timeoutMs: o.timeoutMs,
    depth: o.inductionDepth,
    ...(o.signal === undefined ? {} : { signal: o.signal }),
  };
  const base = await runSmtbmc({ ...solver, induction: false });
  if (base.kind !== 'passed') return { proved: false, seconds: base.seconds };
  const step = await runSmtbmc({ ...solver, induction: true });
  return { proved: step.kind === 'passed', seconds: base.seconds + step.seconds };
}

/**
 * The induction of a property that holds: the whole property with the invariants, else, for a
 * property of several assertions, each assertion on its own (the parts that are proved).
 */
export async function induction(
  o: InductionOptions,
  model: FormalModel,
  id: FormalProperty,
  smt2: string,
): Promise<{ readonly proved: boolean; readonly parts: readonly string[]; readonly seconds: number }> {
  const whole = await inductive(o, await model.inductionSmt2(id));
  if (whole.proved) return { proved: true, parts: [], seconds: whole.seconds };
  let seconds = whole.seconds;
  const parts: string[] = [];
  const names = smt2Assertions(readFileSync(smt2, 'utf8')).map((n) => n.slice(n.lastIndexOf('.') + 1));
  if (names.length > 1) {
    for (const part of names) {
      const r = await inductive(o, await model.inductionSmt2(id, part));
      seconds += r.seconds;
      if (r.proved) parts.push(part);
    }
  }
  return { proved: false, parts, seconds };
}
