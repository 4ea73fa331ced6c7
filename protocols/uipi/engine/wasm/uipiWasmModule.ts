/**
 * The compiled packed UIPI engine in WebAssembly (assembly/uipiWasm.ts, compiled by asc into
 * uipiWasm.wasm) and one instance of it set up for a configuration, a selection and a seeded bug:
 * the layout's word indices (uipiPackedLayout.ts), the events numbered as uipiPackedEvents.ts
 * numbers them (their arrays written into the instance's memory, so both engines step the same
 * event by the same number) and the properties' bits (uipiPackedJudge.ts `propertyBit`). How the
 * module is compiled once per process and instantiated per search: engine/explore/wasm/
 * wasmEngineModule.ts (shared with the wakeup engine's loader).
 */
import { WasmEngineModule } from '../../../../engine/explore/wasm/wasmEngineModule.ts';
import type { UipiConfig } from '../../model/config.ts';
import { UIPI_STEP_PROPERTIES } from '../../properties/index.ts';
import { receiverCode, T_RUN_OTHER, uipiPackedEvents } from '../packed/uipiPackedEvents.ts';
import { BYTE_JUDGED, propertyBit } from '../packed/uipiPackedJudge.ts';
import { type UipiPackedLayout, uipiPackedLayout, WAITING_PHASES } from '../packed/uipiPackedLayout.ts';
import type { UipiPackedMutation } from '../packed/uipiPackedMutation.ts';

/** What the module exports (assembly/uipiWasm.ts); addresses are byte offsets in `memory`. */
export interface UipiWasm {
  readonly memory: { readonly buffer: ArrayBuffer };
  /** The layout's word indices, the configuration and the seeded bug's code (uipiWasmLayout.ts). */
  configureLayout(...fields: number[]): void;
  /** Room for the events (uipiWasmEvents.ts): the address to write their arrays at, 0 when the type codes differ. */
  configureEvents(n: number, tableSize: number, cpus: number, deliver: number, runOther: number): number;
  /** The selected step properties' bits and each property's bit (uipiWasmJudge.ts). */
  configureJudge(...bits: number[]): void;
  /** Allocates the buffers (the drain judging the liveness bits given); the address to write a node at. */
  start(liveness: number): number;
  /** Room for `words` key field masks (uipiWasmAdmission.ts): the address to write them at. */
  keyMasks(words: number): number;
  /** Searches (covering 1 or keyed 0, keying the `words` masks at `masks`, draining when liveness is 1), the tables with room for `room` nodes; 0 complete, 1 failed. */
  explore(covering: number, liveness: number, room: number, masks: number, words: number): number;
  /** The same search in parts: begin (0, or 1 failed), expand until `reportAt` nodes are admitted (2: paused) or the end (0 complete, 1 failed); the next node to expand. */
  uipiBegin(covering: number, liveness: number, room: number, masks: number, words: number): number;
  uipiSearch(reportAt: number): number;
  uipiHead(): number;
  /** Writes the successors of the node at `start()`'s address at `output()`, their events at `outputEvents()`; how many. */
  expandInto(): number;
  output(): number;
  outputEvents(): number;
  /** The address of the counts: distinct (i32), diameter (i32), transitions (f64). */
  answers(): number;
  /**
   * The whole set-up computed by the wasm code (uipiWasmSetup.ts) from the configuration's numbers,
   * the seeded bug's code, the step and liveness bits and covering (1) or keyed (0), and the
   * search begun (`uipiBegin`'s `liveness` and `room`): 0, or 1 failed.
   */
  uipiSetup(
    cpus: number,
    receivers: number,
    senders: number,
    vectors: number,
    uittSize: number,
    timer: number,
    drainBound: number,
    fair: number,
    mutation: number,
    stepBits: number,
    livenessBits: number,
    covering: number,
    liveness: number,
    room: number,
  ): number;
  /** Item `i` of what `uipiSetup` decided (uipiWasmSetup.ts `setupItem`): for the tests. */
  setupItem(i: number): number;
}

const FUNCTIONS = [
  'configureLayout',
  'configureEvents',
  'configureJudge',
  'start',
  'keyMasks',
  'explore',
  'uipiBegin',
  'uipiSearch',
  'uipiHead',
  'expandInto',
  'output',
  'outputEvents',
  'answers',
  'uipiSetup',
  'setupItem',
] as const;

/** uipiWasm.wasm, compiled once per process. */
const ENGINE = new WasmEngineModule(new URL('./uipiWasm.wasm', import.meta.url), 'packed UIPI wasm engine');

/** Starts compiling uipiWasm.wasm off this thread ({@link WasmEngineModule.precompile}). */
export function precompileUipiWasm(): Promise<void> {
  return ENGINE.precompile();
}

/** The code uipiWasm.wasm knows each seeded bug by (0: none; uipiWasmLayout.ts). */
function mutationCode(m: UipiPackedMutation | null): number {
  switch (m) {
    case null:
      return 0;
    case 'drainKeepsPir':
      return 1;
    case 'deliverKeepsUirr':
      return 2;
    case 'deliverLowest':
      return 3;
    case 'sendAlwaysNotifies':
      return 4;
    case 'sendForgetsOwed':
      return 5;
    case 'timerForgetsRepost':
      return 6;
    case 'switchInKeepsSn':
      return 7;
    case 'checkPirIgnoresOn':
      return 8;
  }
}

/** The step properties uipiWasmJudge.ts reads (uipiPackedJudge.ts's), in its `configureJudge` order (UIPI_STEP_PROPERTIES'). */
const JUDGED: readonly string[] = UIPI_STEP_PROPERTIES.map((p) => p.id).filter(
  (id) => (propertyBit(id) & BYTE_JUDGED) !== 0,
);
/** Each of {@link JUDGED}'s bits by its id, computed once as the module loads (not at each search's first call). */
const JUDGED_BITS: ReadonlyMap<string, number> = new Map(JUDGED.map((id) => [id, propertyBit(id)]));

/** The liveness properties uipiWasmDrain.ts reads, by their bits there. */
const WASM_LIVENESS_BITS: Readonly<Record<string, number>> = {
  uipiWaitWakes: 1,
  uipiEventuallyDelivered: 2,
  uipiTimerRearms: 4,
};

/** The bits of the step properties `ids` (uipiPackedJudge.ts `propertyBit`), or null when the wasm judge does not read one. */
export function wasmStepBits(ids: readonly string[]): number | null {
  let bits = 0;
  for (const id of ids) {
    const b = JUDGED_BITS.get(id);
    if (b === undefined) return null;
    bits |= b;
  }
  return bits;
}

/** The wasm drain's bits of the liveness properties `ids`, or null when it does not read one. */
export function wasmLivenessBits(ids: readonly string[]): number | null {
  let bits = 0;
  for (const id of ids) {
    const b = WASM_LIVENESS_BITS[id];
    if (b === undefined) return null;
    bits |= b;
  }
  return bits;
}

/** An instance set up for a configuration: the engine, its layout and where to write a node (K key words, then G ghost words). */
export interface UipiWasmInstance {
  readonly w: UipiWasm;
  readonly L: UipiPackedLayout;
  readonly at: number;
}

/**
 * A fresh instance of the engine on `cfg` judging the step properties `stepBits` and, where the
 * search drains, the liveness properties `livenessBits` (the bits of {@link wasmStepBits},
 * {@link wasmLivenessBits}), under a seeded bug (tests only), its buffers allocated.
 */
export function uipiWasmInstance(
  cfg: UipiConfig,
  stepBits: number,
  livenessBits: number,
  mutation: UipiPackedMutation | null,
): UipiWasmInstance {
  const L = uipiPackedLayout(cfg);
  const E = uipiPackedEvents(cfg);
  const w = ENGINE.instance(FUNCTIONS) as unknown as UipiWasm;
  w.configureLayout(
    L.words,
    L.ghost,
    L.senders,
    L.cpus,
    L.inflight,
    L.undo,
    L.receivers,
    L.senderCount,
    L.cpuCount,
    L.vectors,
    cfg.timer,
    cfg.drainBound,
    cfg.drain === 'fair' ? 1 : 0,
    WAITING_PHASES,
    mutationCode(mutation),
  );
  const n = E.events.length;
  const events = w.configureEvents(n, E.tableSize, L.cpuCount, receiverCode('Deliver'), T_RUN_OTHER) >>> 0;
  if (events === 0)
    throw new Error('packed UIPI wasm engine: its event type codes are not uipiPackedEvents.ts’s');
  const out = new Int32Array(w.memory.buffer, events, 5 * n + 5 * L.cpuCount);
  [E.type, E.a, E.b, E.target, E.uv].forEach((xs, i) => {
    out.set(xs, i * n);
  });
  out.set(E.arrive, 5 * n);
  out.set(E.accept, 5 * n + 2 * L.cpuCount);
  w.configureJudge(stepBits, ...JUDGED.map(propertyBit));
  const at = w.start(livenessBits) >>> 0;
  return { w, L, at };
}

/** A fresh instance, not set up: {@link UipiWasm.uipiSetup} sets it up. */
export function uipiWasmFresh(): UipiWasm {
  return ENGINE.instance(FUNCTIONS) as unknown as UipiWasm;
}

/**
 * Sets the fresh instance `w` up for `cfg` by the wasm code ({@link UipiWasm.uipiSetup}: the
 * seeded bug `mutation`, the step and liveness bits, covering or keyed) and begins its search
 * (draining when `liveness`, the node arrays with room for `room` nodes): 0, or 1 failed.
 */
export function setUpUipiWasm(
  w: UipiWasm,
  cfg: UipiConfig,
  mutation: UipiPackedMutation | null,
  bits: { readonly step: number; readonly liveness: number },
  covering: boolean,
  liveness: boolean,
  room: number,
): number {
  return w.uipiSetup(
    cfg.cpus,
    cfg.receivers,
    cfg.senders,
    cfg.vectors,
    cfg.uittSize,
    cfg.timer,
    cfg.drainBound,
    cfg.drain === 'fair' ? 1 : 0,
    mutationCode(mutation),
    bits.step,
    bits.liveness,
    covering ? 1 : 0,
    liveness ? 1 : 0,
    room,
  );
}
