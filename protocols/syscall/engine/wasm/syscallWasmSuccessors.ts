/**
 * The packed syscall engine's successor function run in WebAssembly (syscallWasmInstance.ts),
 * for the tests: a node's bytes in, each candidate's successor bytes and verdict out.
 * test/protocols/syscall/engine/syscallWasm.test.ts requires them to be the JavaScript successor
 * function's (syscallPackedSuccessors.ts) on every reachable node. A step the controller byte judge
 * does not judge comes back as `handed` (a correct model's steps never do). The search's liveness
 * verdict at a node is read too (syscallWasmLiveness.test.ts).
 */

import { PackedControllerJudge } from '../../../controller/engine/packed/packedControllerJudge.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import type { SyscallEvent } from '../../model/events.ts';
import type { SyscallSelection } from '../../properties/selection.ts';
import { SyscallByteJudge } from '../packed/syscallByteJudge.ts';
import type { SyscallPackedLayout } from '../packed/syscallPackedLayout.ts';
import type { SyscallPackedMutation } from '../packed/syscallPackedMutation.ts';
import { type SyscallWasm, syscallWasmInstance } from './syscallWasmInstance.ts';

/** What {@link SyscallWasmSuccessors.step} found (syscallPackedSuccessors.ts's codes, and a step left to JavaScript). */
export type SyscallWasmStep = 'rejected' | 'accepted' | 'violated' | 'handed';
const STEP_KINDS: readonly SyscallWasmStep[] = ['rejected', 'accepted', 'violated', 'handed'];

/** The successor function in WebAssembly for one configuration and selection (see above). */
export class SyscallWasmSuccessors {
  readonly L: SyscallPackedLayout;
  readonly events: readonly SyscallEvent[];
  private readonly w: SyscallWasm;
  private readonly cur: number;
  private readonly next: number;

  /** An instance for `cfg` judged by `sel`; `mutation` and `leftOut` (a syscall property never reported) for the tests. */
  constructor(
    cfg: Config,
    sel: SyscallSelection,
    mutation: SyscallPackedMutation | null = null,
    leftOut: string | null = null,
  ) {
    if (mutation === 'memoIgnoresArgument')
      throw new Error('syscall wasm engine: no controller-step memo here, so no memoIgnoresArgument');
    const { w, L, events } = syscallWasmInstance(cfg, sel, mutation, leftOut);
    this.L = L;
    this.events = events;
    this.w = w;
    this.cur = w.room(L.width, 1);
    this.next = w.room(L.width, 1);
  }

  /** The node of bytes `b` (the layout's width) is the one the steps to come start from. */
  load(b: Uint8Array): void {
    new Uint8Array(this.w.memory.buffer, this.cur, this.L.width).set(b.subarray(0, this.L.width));
    this.w.syscallLoad(this.cur);
  }

  /** The step by candidate `k` from the loaded node; with `stateLater` as syscallPackedSuccessors.ts `step`. */
  step(k: number, stateLater = false): SyscallWasmStep {
    const r = STEP_KINDS[this.w.syscallStep(this.cur, this.next, k, stateLater ? 1 : 0)];
    if (r === undefined) throw new Error('syscall wasm engine: no such step answer');
    return r;
  }

  /** The last successor's bytes (a copy). */
  bytes(): Uint8Array {
    return new Uint8Array(this.w.memory.buffer, this.next, this.L.width).slice();
  }

  /** The failing properties of the last violated step, in the order the JavaScript engine reports them. */
  violations(): string[] {
    return [
      ...PackedControllerJudge.ids(this.w.syscallCtrlBits()),
      ...SyscallByteJudge.ids(this.w.syscallSysBits()),
    ];
  }

  /**
   * Whether the liveness properties hold at the loaded node as the search judges them at a
   * quiescent state (assembly/syscallWasmSearch.ts callersIdle; syscallGraphExplore.ts livenessHolds).
   */
  livenessHolds(): boolean {
    return this.w.searchLivenessAt(this.cur) === 1;
  }

  /** Whether the loaded node is quiescent (syscallPackedSuccessors.ts quiescent). */
  quiescent(): boolean {
    return this.w.syscallQuiescent(this.cur) === 1;
  }
}
