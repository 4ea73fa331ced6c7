/**
 * One judged step of the packed UIPI engine, as uipiSpace.ts `transition` judges an object step:
 * the successor (uipiPackedSuccessors.ts), the selected step properties — read by the byte judge
 * (uipiPackedJudge.ts), and wherever it finds a failure, judged by the properties themselves on
 * the decoded states, whose failures must be exactly the byte judge's (else an internal error) —
 * then, on a step with no violation that changed a credit, the check that the model's slack never
 * falls (uipiGhostMeasure.ts `slackFalls`, the same error as the object engine's).
 */
import { failures } from '../../../../engine/judge.ts';
import type { Violation } from '../../../../engine/property.ts';
import type { UipiConfig } from '../../model/config.ts';
import { formatUipiEvent } from '../../model/events.ts';
import type { UipiStepContext, UipiStepProperty } from '../../properties/context.ts';
import { BYTE_JUDGED, propertyBit, uipiByteVerdicts } from './uipiPackedJudge.ts';
import { decodeUipiGhost, decodeUipiState } from './uipiPackedLayout.ts';
import type { UipiPackedSuccessors } from './uipiPackedSuccessors.ts';

/** A judged step: the failing properties' violations, or undefined (the successor is in `S.after`). */
export type UipiPackedStep = (S: UipiPackedSuccessors, k: number, index: number) => Violation[] | undefined;

/** The bits of `properties` in a byte verdict (throws on a property the byte judge does not read). */
function selectedBits(properties: readonly UipiStepProperty[]): number {
  let bits = 0;
  for (const p of properties) {
    const b = propertyBit(p.id);
    if ((b & BYTE_JUDGED) === 0) throw new Error(`packed UIPI engine: ${p.id} is not judged on words`);
    bits |= b;
  }
  return bits;
}

/** The object step context of the step `S` last took: the decoded states and ghosts. */
export function decodedStepContext(
  cfg: UipiConfig,
  S: UipiPackedSuccessors,
  k: number,
  index: number,
): UipiStepContext {
  const { L } = S;
  const before = decodeUipiGhost(L, S.ghostBefore);
  return {
    cfg,
    index,
    event: S.event(k),
    accepted: true,
    before: decodeUipiState(L, S.before).state,
    after: decodeUipiState(L, S.after).state,
    owedBefore: before.owed,
    owedAfter: decodeUipiGhost(L, S.ghostAfter).owed,
    creditBefore: before.credit,
    expected: undefined,
  };
}

/** The judged step of `cfg` by `properties` (see above). */
export function uipiPackedStep(cfg: UipiConfig, properties: readonly UipiStepProperty[]): UipiPackedStep {
  const selected = selectedBits(properties);
  return (S, k, index) => {
    S.step(k);
    const bits = uipiByteVerdicts(S, k, selected);
    if (bits !== 0) {
      const found = failures(properties, decodedStepContext(cfg, S, k, index), index) ?? [];
      const want = found.reduce((m, v) => m | propertyBit(v.property), 0);
      if (want !== bits)
        throw new Error(
          `packed UIPI engine: ${formatUipiEvent(S.event(k))} fails ${found.map((v) => v.property).join(', ') || 'no property'} but its byte judge says bits ${bits.toString(2)}`,
        );
      return found;
    }
    if (S.creditChanged) {
      const i = S.slackFalls();
      if (i >= 0)
        throw new Error(
          `explore: ${formatUipiEvent(S.event(k))} lowers the slack of vector ${i % cfg.vectors} for receiver ${Math.floor(i / cfg.vectors)} (credit minus pending copies): the model's measure without credits (uipiGhostMeasure.ts) is unsound for this model`,
        );
    }
    return undefined;
  };
}
