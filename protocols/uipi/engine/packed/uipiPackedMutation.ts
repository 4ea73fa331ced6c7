/**
 * Seeded bugs in the packed UIPI engine's successor function, for tests only: each makes a
 * successor's words differ from the object step judge's successor encoded, so a test shows the
 * per-transition comparison catches it, and that the properties (or the leads-to check), judging
 * the states the bug leads to, fail where the engine goes wrong. The explorer never passes one.
 */
export type UipiPackedMutation =
  /** Notification processing ORs PIR into UIRR but leaves PIR as it was (the state words). */
  | 'drainKeepsPir'
  /** A delivery enters the handler but leaves its vector in UIRR (the state words). */
  | 'deliverKeepsUirr'
  /** A delivery takes the lowest vector in UIRR, not the highest (the state words). */
  | 'deliverLowest'
  /** A SENDUIPI decides to notify even when SN or ON is set (the state words). */
  | 'sendAlwaysNotifies'
  /** A SENDUIPI is not recorded as owed (the ghost words). */
  | 'sendForgetsOwed'
  /** Skyloft's timer handler does not re-post its PIR bit (the state words; a leads-to failure, UL4). */
  | 'timerForgetsRepost'
  /** The switch-in's SN clear leaves SN set (the state words). */
  | 'switchInKeepsSn'
  /**
   * The switch-in's self-IPI check reads PIR and not ON: linux-rfc-v1's switch_uintr_return
   * ([P07], docs/findings.md rows 50 and 54), which the model decided against (actions.ts
   * `switchInCheckPir`).
   */
  | 'checkPirIgnoresOn';
