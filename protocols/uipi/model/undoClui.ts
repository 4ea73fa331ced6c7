/**
 * The undo-CLUI flags (one per receiver): whether receiver r's UIF = 0 comes from a CLUI of the
 * storm, set by CLUI and cleared by STUI and UIRET (both set UIF). The fair drain may STUI only
 * where the flag is set (drain.ts), and the checkers keep the flag beside a run
 * (protocols/uipi/properties/ghost.ts); both advance it with this one rule.
 */
import type { UipiEvent } from './events.ts';

/** The undo-CLUI flags after an accepted step `e` (the same array when `e` does not touch them). */
export function nextUndoClui(undo: readonly boolean[], e: UipiEvent): readonly boolean[] {
  if (e.type !== 'Clui' && e.type !== 'Stui' && e.type !== 'Uiret') return undo;
  const out = undo.slice();
  out[e.receiver] = e.type === 'Clui';
  return out;
}
