/**
 * syscallRefinement (spec/controller.md §6 "what a property is evaluated on"): the runtime over
 * an implementation accepts or rejects every event as the syscall model does, an accepted one
 * performs the same access with the same observation, and abs() after it equals the model's
 * state (compared by the canonical state key).
 */
import { formatSyscallEvent } from '../model/events.ts';
import { sameSyscallGiven } from '../model/sameState.ts';
import type { SyscallState } from '../model/state.ts';
import { stateKey } from '../model/stateKey.ts';
import type { SyscallStepOutcome, SyscallStepProperty } from './context.ts';

const json = (x: unknown): string =>
  JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v));

/**
 * The last (model, implementation) pair of states found equal: states are never modified, so the
 * pair stays equal, and the next pair is compared only where it changed since.
 */
let knownModel: SyscallState | undefined;
let knownImpl: SyscallState | undefined;

/** Whether the model's state `m` and the implementation's `i` are equal (remembering the pair when they are). */
function sameAsModel(m: SyscallState, i: SyscallState): boolean {
  const same = sameSyscallGiven(m, i, knownModel ?? m, knownImpl ?? m);
  if (same) {
    knownModel = m;
    knownImpl = i;
  }
  return same;
}

/** The same acceptance, access and observation (compared without formatting). */
function sameOutcome(a: SyscallStepOutcome, b: SyscallStepOutcome): boolean {
  if (a.kind === 'rejected' || b.kind === 'rejected')
    return a.kind === 'rejected' && b.kind === 'rejected' && a.reason === b.reason;
  if ((a.obs === null) !== (b.obs === null) || (a.access === null) !== (b.access === null)) return false;
  if (a.obs !== null && b.obs !== null) {
    if (a.obs.kind !== b.obs.kind) return false;
    if (a.obs.kind === 'value' && b.obs.kind === 'value' && a.obs.value !== b.obs.value) return false;
  }
  return a.access === null || b.access === null || json(a.access) === json(b.access);
}

function outcomeText(o: SyscallStepOutcome): string {
  return o.kind === 'rejected'
    ? `rejected (${o.reason})`
    : `accepted, access ${json(o.access)}, observed ${json(o.obs)}`;
}

export const syscallRefinement: SyscallStepProperty = {
  id: 'syscallRefinement',
  protocol: 'syscall',
  kind: 'refinement',
  on: 'syscallStep',
  judgesRejected: true,
  spec: 'controller.md §6',
  description:
    'The runtime over an implementation accepts, accesses, observes and abstracts every step exactly as the syscall model does.',
  check(ctx) {
    const { expected, outcome } = ctx;
    if (expected === undefined) return null;
    const e = expected.outcome;
    const what = formatSyscallEvent(ctx.event);
    if (sameOutcome(e, outcome) && sameAsModel(expected.state, ctx.after)) return null;
    if (outcomeText(e) !== outcomeText(outcome))
      return `${what}: the model is ${outcomeText(e)}, the runtime ${outcomeText(outcome)}`;
    const want = stateKey(expected.state);
    const got = stateKey(ctx.after);
    if (want === got) return null;
    let i = 0;
    while (i < want.length && want[i] === got[i]) i++;
    return `${what}: abs() departs from the model's state at "…${got.slice(Math.max(0, i - 20), i + 20)}…" (model "…${want.slice(Math.max(0, i - 20), i + 20)}…")`;
  },
};
