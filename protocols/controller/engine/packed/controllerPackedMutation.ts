/**
 * Seeded bugs in the judged controller engine's successor function, for tests only: each makes a
 * successor's bytes differ from the step judge's successor encoded, so a test can show that the
 * per-transition comparison catches it, and that the properties, judging the decoded states the
 * bug leads to, fail where the engine goes wrong (a path the model itself does not fail is then
 * an internal error, never a pass). The explorer never passes one.
 */
export type ControllerPackedMutation =
  /** An accepted write is not added to the writer's custody nor to the outstanding instances (the ghost bytes). */
  | 'forgetsCustody'
  /** A ready queue the step replaced keeps its old bytes (the state bytes). */
  | 'keepsOldReady'
  /** A read of ERROR leaves the register as it was (the state bytes). */
  | 'readKeepsError'
  /** An IPC send to a type with a handler waiting counts itself pending and wakes nobody (the state bytes). */
  | 'sendCountsBesideHandler'
  /** An IPC send wakes its handler into the ready queue but leaves it waiting too (the state bytes). */
  | 'sendKeepsHandler'
  /** An IPC send wakes its handler into the target's last priority, not priority 0 (the state bytes). */
  | 'sendWakesLow';
