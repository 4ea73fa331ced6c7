/**
 * The judged controller engine's successor function: from one packed node (loaded once, its state
 * and ghost decoded once for all its siblings), each event's successor as packed bytes in
 * `words`, judged as the step judge (controllerJudge.ts) judges the model alone: the model's
 * `step`, then the selected properties themselves on the access (judgeAccess.ts accessFailures,
 * on the access context the judge builds), then the ghost advanced past it, here in bytes
 * (controllerGhostBytes.ts advanceGhostBytes: no ghost object is copied or changed). The state
 * part is the loaded node's bytes with only the FIFOs and tables the step replaced written again
 * (encodeControllerStep). So a successor is exactly encodeControllerNode of the judge's successor
 * node, without a key string or a ghost copy (test/protocols/controller/engine/controllerJudged.test.ts
 * checks it on every tiny transition and the first states of small).
 */
import type { Violation } from '../../../../engine/property.ts';
import type { Config } from '../../model/config/config.ts';
import type { ControllerEvent } from '../../model/events.ts';
import { endsRun } from '../../model/result.ts';
import type { ControllerState } from '../../model/state.ts';
import { step } from '../../model/step.ts';
import type { ControllerStepProperty } from '../../properties/context.ts';
import type { MutableControllerGhost } from '../../properties/ghost.ts';
import { controllerJudge } from '../controllerJudge.ts';
import { accessContext, accessFailures } from '../judgeAccess.ts';
import { advanceGhostBytes } from './controllerGhostBytes.ts';
import {
  type ControllerPackedLayout,
  controllerPackedLayout,
  decodeControllerNode,
  encodeControllerNode,
  encodeControllerStep,
} from './controllerPackedLayout.ts';
import type { ControllerPackedMutation } from './controllerPackedMutation.ts';

export class ControllerPackedSuccessors {
  readonly L: ControllerPackedLayout;
  /** Words per node. */
  readonly n: number;
  /** The last successor's words (and the same memory as bytes). */
  readonly words: Int32Array;
  readonly bytes: Uint8Array;
  private readonly cfg: Config;
  private readonly properties: readonly ControllerStepProperty[];
  /** The loaded node's bytes, and its state and ghost as objects (the properties read them; never changed). */
  private readonly curWords: Int32Array;
  private state: ControllerState | null = null;
  private ghost: MutableControllerGhost | null = null;

  /** A seeded bug (tests only), or null. */
  private readonly mutation: ControllerPackedMutation | null;

  constructor(
    cfg: Config,
    properties: readonly ControllerStepProperty[],
    mutation: ControllerPackedMutation | null = null,
  ) {
    this.mutation = mutation;
    this.cfg = cfg;
    this.properties = properties;
    this.L = controllerPackedLayout(cfg);
    this.n = this.L.width >> 2;
    this.words = new Int32Array(this.n);
    this.bytes = new Uint8Array(this.words.buffer);
    this.curWords = new Int32Array(this.n);
  }

  /** The initial node's bytes (the step judge's initial node), in {@link bytes}. */
  initial(): Uint8Array {
    const init = controllerJudge(this.cfg, undefined, this.properties).initial();
    encodeControllerNode(this.L, this.bytes, 0, init.abs, init.ghost, init.ended);
    return this.bytes;
  }

  /** Loads the node at `off` of `b`; false when it ended the run (no event is enabled there). */
  load(b: Uint8Array, off: number): boolean {
    const cur = new Uint8Array(this.curWords.buffer);
    for (let j = 0; j < this.L.width; j++) cur[j] = b[off + j] ?? 0;
    const { state, ghost, ended } = decodeControllerNode(this.L, b, off);
    this.state = state;
    this.ghost = ghost;
    return !ended;
  }

  /**
   * The successor of the loaded node by `e` as step `index`, in {@link words}; the violations
   * when a property fails on the access (nothing is written then).
   */
  step(e: ControllerEvent, index: number): readonly Violation[] | undefined {
    const { state, ghost, L } = this;
    if (state === null || ghost === null) throw new Error('judged engine: no node loaded');
    const r = step(this.cfg, state, e);
    const ctx = accessContext(
      this.cfg,
      undefined,
      index,
      e,
      r.obs,
      { before: state, after: r.state },
      undefined,
      ghost,
    );
    const violations = accessFailures(this.properties, ctx);
    if (violations !== undefined) return violations;
    const { words, curWords, bytes } = this;
    for (let j = 0; j < this.n; j++) words[j] = curWords[j] ?? 0;
    const after = this.mutation === 'keepsOldReady' ? { ...r.state, ready: state.ready } : r.state;
    encodeControllerStep(L, bytes, 0, state, after, endsRun(r.obs));
    const accepted =
      (ctx.op.type === 'Enqueue' || ctx.op.type === 'IrqRegister') && r.state.ready !== state.ready;
    if (this.mutation !== 'forgetsCustody' || !accepted) advanceGhostBytes(L, bytes, 0, ctx);
    return undefined;
  }
}
