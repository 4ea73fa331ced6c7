/**
 * Refinement: the implementation accepts exactly the events the model accepts, and its abstract
 * state (the refinement map protocols/uipi/designs/reference/absUipi.ts) equals the model's after every step.
 */
import type { UipiState } from '../model/state.ts';
import { stateKey } from '../model/stateKey.ts';
import type { UipiStepProperty } from './context.ts';

/** The parts of the state (per UPID, receiver, sender, CPU, the wires) where `a` and `b` differ. */
function differing(a: UipiState, b: UipiState): string[] {
  const out: string[] = [];
  const json = (x: unknown) =>
    JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v));
  const parts = ['upids', 'receivers', 'senders', 'cpus'] as const;
  for (const part of parts) {
    a[part].forEach((x, i) => {
      if (json(x) !== json(b[part][i])) out.push(`${part.slice(0, -1)} ${i}`);
    });
  }
  if (json(a.inflight) !== json(b.inflight)) out.push('IPIs in flight');
  return out;
}

export const uipiRefinement: UipiStepProperty = {
  id: 'uipiRefinement',
  protocol: 'uipi',
  kind: 'refinement',
  on: 'uipiStep',
  judgesRejected: true,
  spec: 'uipi.md §1 Scope (the implementation refines the model)',
  description:
    'The instruction-level implementation, mapped to the model’s state, steps exactly as the model does.',
  check({ event, accepted, after, expected }) {
    if (expected === undefined) return null;
    const modelAccepts = expected.kind === 'accepted';
    if (modelAccepts !== accepted) {
      return `${event.type}: the model ${modelAccepts ? 'accepts' : `rejects (${expected.kind === 'rejected' ? expected.reason : ''})`} it, the implementation ${accepted ? 'accepts' : 'rejects'} it`;
    }
    if (expected.kind !== 'accepted') return null;
    const want = stateKey(expected.state);
    const got = stateKey(after);
    if (want === got) return null;
    const where = differing(expected.state, after).join(', ');
    return `${event.type}: abstract state differs from the model's in ${where} (model ${want}, implementation ${got})`;
  },
};
