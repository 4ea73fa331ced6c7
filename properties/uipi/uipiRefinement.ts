/**
 * Refinement: the implementation accepts exactly the events the model accepts, and its abstract
 * state (the refinement map impl/uipi/absUipi.ts) equals the model's after every step.
 */
import { stateKey } from '../../model/uipi/stateKey.ts';
import type { UipiStepProperty } from './context.ts';

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
    return want === got
      ? null
      : `${event.type}: abstract state differs from the model's (model ${want}, implementation ${got})`;
  },
};
