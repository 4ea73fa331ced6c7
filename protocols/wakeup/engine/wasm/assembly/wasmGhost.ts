/**
 * AssemblyScript: where the judged engine's ghost bytes lie after a packed system state, as wasm
 * globals set once per instance by the loader (judgedWasmExplore.ts) from packedGhost.ts's
 * `PackedGhostLayout` (packedGhost.ts:23-40, computed there at :43-66), so no offset is a constant
 * here. In the judged engine the state width (wasmLayout.ts WIDTH) is the ghost layout's `width`:
 * every successor starts as a copy of its state, ghost included (packedSuccessors.ts:97-100).
 */
import { controllerJudgeGhost } from '../../../../controller/engine/wasm/assembly/wasmControllerJudge';

/** The first ghost byte (= the system bytes' width) and the wakeup ghost's offsets of packedGhost.ts:30-39 (the controller ghost's are the controller judge's, wasmControllerJudge.ts). */
export let GHOST_START: i32 = 0;
export let UNDELIVERED: i32 = 0;
export let WOKEN: i32 = 0;
export let WOKEN_W: i32 = 0;

/** Sets the ghost offsets (PackedGhostLayout's fields, in this order): one call per instance, before `start`. */
export function configureGhost(
  start: i32,
  outstanding: i32,
  errorSinceRead: i32,
  custody: i32,
  undelivered: i32,
  woken: i32,
  wokenW: i32,
): void {
  GHOST_START = start;
  UNDELIVERED = undelivered;
  WOKEN = woken;
  WOKEN_W = wokenW;
  controllerJudgeGhost(outstanding, errorSinceRead, custody, undelivered, woken);
}
