/**
 * The UIPI configurations and seeded bugs the wasm engine's tests share (uipiWasm.test.ts,
 * uipiWasmSetup.test.ts): bench/spinCompare.ts's plain rows beside skyloft, and every seeded bug
 * of uipiPackedMutation.ts.
 */
import type { UipiPackedMutation } from '../../protocols/uipi/engine/packed/uipiPackedMutation.ts';
import { UIPI_SKYLOFT, type UipiConfig } from '../../protocols/uipi/model/config.ts';

/** The plain scenario at skyloft's sizes (bench/spinCompare.ts's plain row). */
export const PLAIN: UipiConfig = { ...UIPI_SKYLOFT, timer: -1 };
/** The plain scenario with two UITT slots (bench/spinCompare.ts's two-slot row). */
export const SLOTS2: UipiConfig = { ...PLAIN, uittSize: 2 };
/** Every seeded bug of the packed UIPI engine. */
export const UIPI_MUTATIONS: readonly UipiPackedMutation[] = [
  'drainKeepsPir',
  'deliverKeepsUirr',
  'deliverLowest',
  'sendAlwaysNotifies',
  'sendForgetsOwed',
  'timerForgetsRepost',
  'switchInKeepsSn',
  'checkPirIgnoresOn',
];
