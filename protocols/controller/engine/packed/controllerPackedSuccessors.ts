/**
 * The judged controller engine's successor function: from one packed node (loaded once), each
 * event's successor as packed bytes in `words`, judged by the step judge (controllerJudge.ts: the
 * model's step, the selected properties themselves on the access, the ghost advanced past it).
 *
 * One node object serves every sibling: the judge advances its ghost in place ('own'), the ghost
 * is encoded, and when the step changed its bytes it is reloaded from the loaded node's bytes
 * before the next sibling. The state part is the loaded node's bytes with only the FIFOs and
 * tables the step replaced written again (encodeControllerStep). So a successor is exactly
 * encodeControllerNode of the judge's successor node, without a key string or a ghost copy
 * (test/protocols/controller/engine/controllerJudged.test.ts checks it on every tiny transition).
 */
import type { StepJudge } from '../../../../engine/judge.ts';
import type { Violation } from '../../../../engine/property.ts';
import type { Config } from '../../model/config/config.ts';
import type { ControllerEvent } from '../../model/events.ts';
import type { ControllerStepContext, ControllerStepProperty } from '../../properties/context.ts';
import { type ControllerNode, controllerJudge } from '../controllerJudge.ts';
import { encodeControllerGhost, reloadControllerGhost } from './controllerGhostBytes.ts';
import {
  type ControllerPackedLayout,
  controllerPackedLayout,
  decodeControllerNode,
  encodeControllerNode,
  encodeControllerStep,
} from './controllerPackedLayout.ts';

export class ControllerPackedSuccessors {
  readonly L: ControllerPackedLayout;
  /** Words per node. */
  readonly n: number;
  /** The last successor's words (and the same memory as bytes). */
  readonly words: Int32Array;
  readonly bytes: Uint8Array;
  private readonly judge: StepJudge<ControllerNode, ControllerEvent, ControllerStepContext>;
  /** The loaded node's bytes (a copy), and the node the judge steps from. */
  private readonly cur: Uint8Array;
  private readonly curWords: Int32Array;
  private node: ControllerNode | null = null;

  constructor(cfg: Config, properties: readonly ControllerStepProperty[]) {
    this.L = controllerPackedLayout(cfg);
    this.n = this.L.width >> 2;
    this.words = new Int32Array(this.n);
    this.bytes = new Uint8Array(this.words.buffer);
    this.curWords = new Int32Array(this.n);
    this.cur = new Uint8Array(this.curWords.buffer);
    this.judge = controllerJudge(cfg, undefined, properties);
  }

  /** The initial node's bytes, in {@link bytes}. */
  initial(): Uint8Array {
    const init = this.judge.initial();
    encodeControllerNode(this.L, this.bytes, 0, init.abs, init.ghost, init.ended);
    return this.bytes;
  }

  /** Loads the node at `off` of `b`; false when it ended the run (no event is enabled there). */
  load(b: Uint8Array, off: number): boolean {
    for (let j = 0; j < this.L.width; j++) this.cur[j] = b[off + j] ?? 0;
    const { state, ghost, ended } = decodeControllerNode(this.L, b, off);
    this.node = { model: state, dev: undefined, abs: state, ghost, ended };
    return !ended;
  }

  /**
   * The successor of the loaded node by `e` as step `index`, in {@link words}; the violations
   * when the step judge finds any (nothing is written then).
   */
  step(e: ControllerEvent, index: number): readonly Violation[] | undefined {
    const node = this.node;
    if (node === null) throw new Error('judged engine: no node loaded');
    const r = this.judge.step(node, e, index, 'own');
    if (r.violations !== undefined) return r.violations;
    this.write(node.abs, r.node);
    return undefined;
  }

  /** Writes `next` (a step from the state `before`, the loaded node's) into the successor bytes. */
  private write(before: ControllerNode['abs'], next: ControllerNode): void {
    const { L, cur, curWords, bytes, words } = this;
    for (let j = 0; j < this.n; j++) words[j] = curWords[j] ?? 0;
    encodeControllerStep(L, bytes, 0, before, next.abs, next.ended);
    encodeControllerGhost(L, bytes, 0, next.ghost);
    for (let j = L.outstanding; j < L.width; j++)
      if (bytes[j] !== cur[j]) {
        reloadControllerGhost(next.ghost, L, cur, 0);
        return;
      }
  }
}
