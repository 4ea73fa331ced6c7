/**
 * The system a UIPI run drives: the pure model (model/uipi `step`) or an instruction-level
 * implementation (impl/uipi), behind one interface reporting acceptance and the abstract state.
 */
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import type { UipiConfig } from '../model/config.ts';
import { enabled } from '../model/enabled.ts';
import type { UipiEvent } from '../model/events.ts';
import { initialUipi, type UipiState } from '../model/state.ts';
import { step } from '../model/step.ts';

export interface UipiSubject {
  state(): UipiState;
  enabled(): readonly UipiEvent[];
  /** Performs `e`; false when rejected (nothing changes). */
  apply(e: UipiEvent): boolean;
}

/** The model from its start state. */
export function uipiModelSubject(cfg: UipiConfig): UipiSubject {
  let s = initialUipi(cfg);
  return {
    state: () => s,
    enabled: () => enabled(cfg, s),
    apply(e) {
      const r = step(cfg, s, e);
      if (r.kind === 'rejected') return false;
      s = r.state;
      return true;
    },
  };
}

/** A fresh machine of `impl`, its abstraction cached between steps. */
export function uipiImplSubject(cfg: UipiConfig, impl: UipiImpl): UipiSubject {
  const d = impl.create(cfg);
  let abs: UipiState | undefined;
  return {
    state() {
      abs ??= d.abs();
      return abs;
    },
    enabled: () => d.enabled(),
    apply(e) {
      const ok = d.apply(e);
      if (ok) abs = undefined;
      return ok;
    },
  };
}
