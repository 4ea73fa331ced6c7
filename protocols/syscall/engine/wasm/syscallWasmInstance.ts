/**
 * One instance of syscallWasm.wasm (assembly/syscallWasm.ts: a port of the packed syscall engine,
 * protocols/syscall/engine/packed/) set up for a configuration and a selection: the controller
 * prefix's layout and the controller judge's bits, the syscall layout, the agents, the syscall
 * judge's bits and the alphabet. Shared by the successor function the tests read
 * (syscallWasmSuccessors.ts) and the search (syscallWasmExplore.ts).
 *
 * Decision (what it refuses): a selection with a property the byte judges lack (then the
 * JavaScript engine judges every step with the properties themselves) is refused with an error
 * ({@link syscallWasmRefuses} says so beforehand), so a caller hands it to the JavaScript engine
 * whole. Every seeded bug of syscallPackedMutation.ts has its code, the memo's too (only the
 * search keeps a memo: the successor function the tests step node by node refuses that one).
 */
import { WasmEngineModule } from '../../../../engine/explore/wasm/wasmEngineModule.ts';
import { PackedControllerJudge } from '../../../controller/engine/packed/packedControllerJudge.ts';
import { controllerBitsOf, JUDGED_BY_BYTES } from '../../../controller/engine/wasm/controllerJudgedWasm.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import { ERR } from '../../../controller/model/registers.ts';
import { candidateEvents } from '../../model/enabled.ts';
import type { SyscallEvent } from '../../model/events.ts';
import { layoutOf } from '../../model/layout.ts';
import { SYSCALL_STEP_PROPERTIES } from '../../properties/index.ts';
import type { SyscallSelection } from '../../properties/selection.ts';
import { SyscallByteJudge } from '../packed/syscallByteJudge.ts';
import { type SyscallPackedLayout, syscallPackedLayout } from '../packed/syscallPackedLayout.ts';
import type { SyscallPackedMutation } from '../packed/syscallPackedMutation.ts';

/** syscallWasm.wasm, compiled once per process (engine/explore/wasm/wasmEngineModule.ts). */
const MODULE = new WasmEngineModule(new URL('./syscallWasm.wasm', import.meta.url), 'syscall wasm engine');

/**
 * Starts compiling syscallWasm.wasm off this thread, every function by TurboFan (WasmEngineModule's
 * `precompile` says how and why): the syscall descriptor's `prepareExplore`. Decision: without V8's
 * wasm-into-wasm inlining (`--wasm-inlining`, off in Node 20's V8 11.3): inlined, the search of
 * `small` ran in 6.41 ms where it runs in 7.02 (median of 10 fresh processes), but the module's
 * compile, which the command waits for before it starts the search's clock, took 55-60 ms where
 * it takes 25, so the command as a whole was slower.
 */
export function precompileSyscallWasm(): Promise<void> {
  return MODULE.precompile();
}

/** What the module exports (assembly/syscallWasm.ts); addresses are byte offsets in `memory`. */
export interface SyscallWasm {
  readonly memory: { readonly buffer: ArrayBuffer };
  room(count: number, size: number): number;
  configure(...fields: number[]): void;
  controllerBits(...bits: number[]): void;
  eventsInit(n: number): void;
  controllerJudgeInit(): void;
  syscallConfigure(...fields: number[]): void;
  syscallAgent(a: number, p: number, kind: number, heldPlace: number): void;
  syscallJudgeInit(processes: number): void;
  syscallBits(...bits: number[]): void;
  syscallLeftOut(bits: number): void;
  syscallEventsInit(n: number, judgesController: number, mutation: number): void;
  syscallSetEvent(k: number, type: number, a: number, p: number, target: number, data: number): void;
  syscallLoad(cur: number): void;
  syscallStep(cur: number, next: number, k: number, stateLater: number): number;
  syscallStateBits(next: number): number;
  syscallCtrlBits(): number;
  syscallSysBits(): number;
  syscallQuiescent(cur: number): number;
  /** The search (assembly/syscallWasmSearch.ts): room for `states`, the drain bound and its seeded bug, the memo's slots per event; the drain's tables built and the initial node written (assembly/syscallWasmSearch.ts drainTables, syscallWasmSuccessors.ts syscallInitial): its address. */
  searchStart(states: number, bound: number, drainForgetsFetch: number, opW: number): number;
  /** The address of the drain's table `which` (0: the status indices, 1: the candidates per row, 2: the candidates, 4 a row), for the tests. */
  searchDrainTable(which: number): number;
  /** The one-byte guards' tables (assembly/syscallWasmGuards.ts, syscallPackedSuccessors.ts guardBytes, passMasks, refuseMasks) built: the number of guard bytes. */
  searchGuards(): number;
  /** The address of guard table `which` (0: the guard bytes, 1: the pass masks, 2: the refuse masks), for the tests. */
  searchGuardTable(which: number): number;
  /** Whether the liveness properties hold at the quiescent node at `node` (1) or not (0), for the tests. */
  searchLivenessAt(node: number): number;
  /** Begin, expand until `reportAt` states are known (1: paused) or it is over (0), finish (0 holds, 1 a step fails, 2 a drain fails, 3 handed over). */
  searchBegin(): void;
  searchRun(reportAt: number): number;
  searchFinish(liveness: number): number;
  /** The address of the search's 4 answers: states, transitions, diameter, the state being expanded. */
  searchAnswers(): number;
}

const FUNCTIONS: readonly (keyof SyscallWasm)[] = [
  'room',
  'configure',
  'controllerBits',
  'eventsInit',
  'controllerJudgeInit',
  'syscallConfigure',
  'syscallAgent',
  'syscallJudgeInit',
  'syscallBits',
  'syscallLeftOut',
  'syscallEventsInit',
  'syscallSetEvent',
  'syscallLoad',
  'syscallStep',
  'syscallStateBits',
  'syscallCtrlBits',
  'syscallSysBits',
  'syscallQuiescent',
  'searchStart',
  'searchDrainTable',
  'searchGuards',
  'searchGuardTable',
  'searchLivenessAt',
  'searchBegin',
  'searchRun',
  'searchFinish',
  'searchAnswers',
];

/** The event type codes of assembly/syscallWasmJudge.ts (T_*). */
const EVENT_CODES: Readonly<Record<SyscallEvent['type'], number>> = {
  StatusWrite: 0,
  Fetch: 1,
  Call: 2,
  Publish: 3,
  Signal: 4,
  Read: 5,
  Take: 6,
  Complete: 7,
  Reply: 8,
  Wake: 9,
  Park: 10,
  Return: 11,
};

/** The syscall properties judged over bytes, in assembly/syscallWasmJudge.ts `syscallBits`'s order. */
const SYSCALL_JUDGED: readonly string[] = (
  'exactlyOnceReply replyRouting requestConservation boundedRing noLostIpcWakeup singleConsumer ' +
  'publishBeforeSignal offlineRetention syscallNoRegisterWhileRunning'
).split(' ');

/** The code assembly/syscallWasmSuccessors.ts knows each seeded bug by (0: none or a bug outside the successors). */
function mutationCode(m: SyscallPackedMutation | null): number {
  switch (m) {
    case null:
    case 'drainForgetsFetch':
      return 0;
    case 'completeTwice':
      return 1;
    case 'signalReadsAtOnce':
      return 2;
    case 'callForgetsRequest':
      return 3;
    case 'callOverwrites':
      return 4;
    case 'signalSendsNothing':
      return 5;
    case 'takeTakesTaken':
      return 6;
    case 'publishLeavesFilling':
      return 7;
    case 'offlineSendDropped':
      return 8;
    case 'parkRegisters':
      return 9;
    case 'memoIgnoresArgument':
      return 10;
  }
}

/** The liveness properties the wasm search judges itself (assembly/syscallWasmSearch.ts callersIdle). */
const LIVENESS_JUDGED: readonly string[] = ['everyRequestAnswered'];

/** Why the wasm successors or search cannot judge `sel` (a property without a byte form), or null. */
export function syscallWasmRefuses(sel: SyscallSelection): string | null {
  if (!PackedControllerJudge.judges(sel.controller) || !SyscallByteJudge.judges(sel.step))
    return 'syscall wasm engine: a selected property has no byte form';
  if (!sel.liveness.every((p) => LIVENESS_JUDGED.includes(p.id)))
    return 'syscall wasm engine: a selected liveness property has no byte form';
  return null;
}

/** A set-up instance for `cfg` judged by `sel` (see above); `mutation` and `leftOut` (a syscall property never reported) for the tests. */
export function syscallWasmInstance(
  cfg: Config,
  sel: SyscallSelection,
  mutation: SyscallPackedMutation | null,
  leftOut: string | null,
): { readonly w: SyscallWasm; readonly L: SyscallPackedLayout; readonly events: readonly SyscallEvent[] } {
  const why = syscallWasmRefuses(sel);
  if (why !== null) throw new Error(why);
  const L = syscallPackedLayout(cfg);
  const C = L.C;
  const cc = C.cfg;
  const events = candidateEvents(cfg);
  const w = MODULE.instance(FUNCTIONS) as unknown as SyscallWasm; // its functions checked by instance()
  w.configure(
    C.width,
    C.ready,
    C.readyW,
    C.irqWait,
    C.waitW,
    C.irqPending,
    C.ipcWait,
    C.ipcW,
    C.ipcPending,
    C.online,
    C.error,
    C.ended,
    C.outstanding,
    C.errorSinceRead,
    C.custody,
    cc.processes,
    cc.priorities,
    cc.capacity,
    cc.devices,
    cc.waitDepth,
    cc.pendingMax,
    cc.taskPool,
    cc.ipcTypes,
    ERR.QUEUE_FULL,
    ERR.WAIT_FULL,
    ERR.PENDING_OVERFLOW,
    ERR.BAD_ACCESS,
    0,
  );
  const ctrl = new Set(sel.controller.map((p) => p.id));
  w.controllerBits(...JUDGED_BY_BYTES.map((id) => (ctrl.has(id) ? controllerBitsOf([id]) : 0)));
  w.eventsInit(0);
  w.controllerJudgeInit();
  const l = layoutOf(cfg);
  w.syscallConfigure(
    L.width,
    L.agents,
    L.rings,
    L.ringW,
    L.places,
    L.placeCount,
    L.insts,
    L.agentCount,
    cfg.ringSlots,
    cfg.processes,
  );
  l.agents.forEach((x, a) => {
    const kind = x.kind === 'service' ? 0 : x.kind === 'reply' ? 1 : 2;
    w.syscallAgent(a, x.p, kind, L.heldPlace[a] ?? -1);
  });
  // the wasm walks an agent's callers in agent order (wakeableIn's first one)
  l.callers.forEach((cs, p) => {
    const inOrder = l.agents.flatMap((x, a) => (x.kind === 'caller' && x.p === p ? [a] : []));
    if (cs.join() !== inOrder.join()) throw new Error('syscall wasm engine: callers not in agent order');
  });
  w.syscallJudgeInit(cfg.processes);
  const step = new Set(sel.step.map((p) => p.id));
  w.syscallBits(...SYSCALL_JUDGED.map((id) => (step.has(id) ? syscallBitOf(id) : 0)));
  if (leftOut !== null) w.syscallLeftOut(syscallBitOf(leftOut));
  w.syscallEventsInit(events.length, sel.controller.length > 0 ? 1 : 0, mutationCode(mutation));
  events.forEach((e, k) => {
    const code = EVENT_CODES[e.type];
    switch (e.type) {
      case 'StatusWrite':
        w.syscallSetEvent(k, code, -1, e.p, -1, Number(e.data));
        return;
      case 'Fetch':
        w.syscallSetEvent(k, code, -1, e.p, -1, -1);
        return;
      case 'Call':
        w.syscallSetEvent(k, code, e.a, -1, e.target, -1);
        return;
      default:
        w.syscallSetEvent(k, code, e.a, -1, -1, -1);
    }
  });
  return { w, L, events };
}

/** Syscall property `id`'s bit (its index in SYSCALL_STEP_PROPERTIES, syscallByteJudge.ts bitOf). */
function syscallBitOf(id: string): number {
  const i = SYSCALL_STEP_PROPERTIES.findIndex((p) => p.id === id);
  if (i < 0) throw new Error(`syscall wasm engine: no syscall property ${id}`);
  return 1 << i;
}
