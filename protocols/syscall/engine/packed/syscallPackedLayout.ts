/**
 * The byte layout of an explored node of the syscall model alone, for the packed syscall engine
 * (syscallPackedExplore.ts): first the controller's packed node (controllerPackedLayout.ts: the
 * controller state, an ended byte that stays 0, the controller ghost; its task pool widened to
 * the agents' task ids), then per agent its phase, slot + 1 and request id, per ring its head,
 * tail and slots (state, request id, requester + 1, target, argument, result), then the syscall
 * ghost as syscallGhostKey.ts keys it: per place (each ring slot, then each service dispatcher's
 * held request) the number of the instance there in the order the places first meet it (0: none),
 * and per instance number its ring, slot, request id, requester + 1, executions and replies. The
 * key's places of the other agents are always empty (only a service dispatcher's Take holds an
 * instance, ghost.ts) and are not stored: encoding refuses a ghost where one is not. So
 * two nodes have equal bytes exactly when the object engine's keys (syscallSpace.ts: stateKey,
 * controllerGhostKey, syscallGhostKey) are equal, and the engine counts what it counts. A value
 * that does not fit a byte is refused with an error, never truncated.
 */

import { toByte } from '../../../controller/engine/packed/controllerGhostBytes.ts';
import {
  type ControllerPackedLayout,
  controllerPackedLayout,
  controllerUnpackable,
  decodeControllerNode,
  encodeControllerNode,
} from '../../../controller/engine/packed/controllerPackedLayout.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import type { MutableControllerGhost } from '../../../controller/properties/ghost.ts';
import { layoutOf } from '../../model/layout.ts';
import type { AgentPhase, AgentState, Ring, Slot, SlotState, SyscallState } from '../../model/state.ts';
import type { MutableSyscallGhost, RequestInstance } from '../../properties/ghost.ts';

/** Agent phases by byte code (the order of state.ts AgentPhase). */
const PHASES: readonly AgentPhase[] = [
  'idle',
  'filling',
  'submitted',
  'awaiting',
  'woken',
  'reading',
  'waiting',
  'running',
  'returning',
];
/** Slot states by byte code (the life cycle of state.ts SlotState). */
const SLOT_STATES: readonly SlotState[] = ['FREE', 'FILLING', 'SUBMITTED', 'TAKEN', 'DONE'];

/** Phase codes by name (the index in {@link PHASES}): the byte step and the byte judge read them. */
export const PHASE = {
  IDLE: 0,
  FILLING: 1,
  SUBMITTED: 2,
  AWAITING: 3,
  WOKEN: 4,
  READING: 5,
  WAITING: 6,
  RUNNING: 7,
  RETURNING: 8,
} as const;
/** Slot state codes by name (the index in {@link SLOT_STATES}). */
export const SLOT = { FREE: 0, FILLING: 1, SUBMITTED: 2, TAKEN: 3, DONE: 4 } as const;

/** Bytes per agent record, per ring slot and per ghost instance. */
export const AGENT_W = 3;
export const SLOT_W = 6;
export const INST_W = 6;

/** Offsets of every field of one configuration's packed syscall node. */
export interface SyscallPackedLayout {
  readonly cfg: Config;
  /** The controller prefix (its configuration's task pool covers every agent's task id). */
  readonly C: ControllerPackedLayout;
  readonly agentCount: number;
  /** Agent a at `agents + a * AGENT_W`: phase code, slot + 1, request id. */
  readonly agents: number;
  /** Ring p at `rings + p * ringW`: head, tail, then R slots of SLOT_W bytes. */
  readonly rings: number;
  readonly ringW: number;
  /** Ghost places (processes × R ring slots, then the service dispatchers): an instance number each. */
  readonly places: number;
  readonly placeCount: number;
  /** Per agent: its ghost place when it is a service dispatcher, else -1. */
  readonly heldPlace: Int32Array;
  /** Instance k (1-based) at `insts + (k - 1) * INST_W`: ring, slot, request id, requester + 1, executions, replies. */
  readonly insts: number;
  /** Bytes of one node (a multiple of 4, the padding zero). */
  readonly width: number;
}

const LAYOUTS = new WeakMap<Config, SyscallPackedLayout>();

/** The controller part's configuration: its task pool covers every agent's task id. */
function controllerPart(cfg: Config): Config {
  return { ...cfg, taskPool: Math.max(cfg.taskPool, layoutOf(cfg).agents.length) };
}

/**
 * Why `cfg` cannot be packed in bytes (a bound of the controller part above 254, or an agent, a
 * slot code or a result that would not fit a byte), or null when it can.
 */
export function syscallUnpackable(cfg: Config): string | null {
  const why = controllerUnpackable(controllerPart(cfg));
  if (why !== null) return why.replace('judged engine', 'packed syscall engine');
  const agents = layoutOf(cfg).agents.length;
  // a result is 2 × argument + target + 1, the argument a request id of at most R callers
  if (agents > 254 || cfg.processes * cfg.ringSlots > 254 || 2 * cfg.ringSlots + cfg.processes > 254)
    return `packed syscall engine: ${agents} agents, ${cfg.processes} rings of ${cfg.ringSlots} slots do not fit in bytes`;
  return null;
}

/** The layout of `cfg`, computed once per configuration object. */
export function syscallPackedLayout(cfg: Config): SyscallPackedLayout {
  const known = LAYOUTS.get(cfg);
  if (known !== undefined) return known;
  const why = syscallUnpackable(cfg);
  if (why !== null) throw new Error(why);
  const agentCount = layoutOf(cfg).agents.length;
  const C = controllerPackedLayout(controllerPart(cfg));
  const agents = C.width;
  const rings = agents + agentCount * AGENT_W;
  const ringW = 2 + cfg.ringSlots * SLOT_W;
  const places = rings + cfg.processes * ringW;
  const slots = cfg.processes * cfg.ringSlots;
  const heldPlace = new Int32Array(agentCount).fill(-1);
  let placeCount = slots;
  layoutOf(cfg).agents.forEach((x, a) => {
    if (x.kind === 'service') heldPlace[a] = placeCount++;
  });
  const insts = places + placeCount;
  const width = Math.ceil((insts + placeCount * INST_W) / 4) * 4;
  const L: SyscallPackedLayout = {
    cfg,
    C,
    agentCount,
    agents,
    rings,
    ringW,
    places,
    placeCount,
    heldPlace,
    insts,
    width,
  };
  LAYOUTS.set(cfg, L);
  return L;
}

/** The code of `x` in `codes` (an error if it is not there). */
function codeOf<T>(codes: readonly T[], x: T): number {
  const i = codes.indexOf(x);
  if (i < 0) throw new Error(`packed syscall engine: no code for ${String(x)}`);
  return i;
}

/** Writes the node (`s`, both ghosts) into `b` at `off` (the whole width). */
export function encodeSyscallNode(
  L: SyscallPackedLayout,
  b: Uint8Array,
  off: number,
  s: SyscallState,
  cghost: MutableControllerGhost,
  ghost: MutableSyscallGhost,
): void {
  b.fill(0, off, off + L.width);
  encodeControllerNode(L.C, b, off, s.ctrl, cghost, false);
  const R = L.cfg.ringSlots;
  for (let a = 0; a < L.agentCount; a++) {
    const x = s.agents[a];
    if (x === undefined) throw new Error(`packed syscall engine: no agent ${a}`);
    const o = off + L.agents + a * AGENT_W;
    b[o] = codeOf(PHASES, x.phase);
    b[o + 1] = toByte(x.slot + 1, 'agent slot');
    b[o + 2] = toByte(x.req, 'agent request id');
  }
  for (let p = 0; p < L.cfg.processes; p++) {
    const r = s.rings[p];
    if (r === undefined) throw new Error(`packed syscall engine: no ring ${p}`);
    const o = off + L.rings + p * L.ringW;
    b[o] = toByte(r.head, 'ring head');
    b[o + 1] = toByte(r.tail, 'ring tail');
    for (let i = 0; i < R; i++) {
      const x = r.slots[i];
      if (x === undefined) throw new Error(`packed syscall engine: ring ${p} has no slot ${i}`);
      const so = o + 2 + i * SLOT_W;
      b[so] = codeOf(SLOT_STATES, x.state);
      b[so + 1] = toByte(x.req, 'slot request id');
      b[so + 2] = toByte(x.requester + 1, 'slot requester');
      b[so + 3] = toByte(x.target, 'slot target');
      b[so + 4] = toByte(x.arg, 'slot argument');
      b[so + 5] = toByte(x.result, 'slot result');
    }
  }
  encodeSyscallGhost(L, b, off, ghost);
}

/** Writes the syscall ghost's places and instances (syscallGhostKey.ts's numbering) into `b` at `off`. */
function encodeSyscallGhost(
  L: SyscallPackedLayout,
  b: Uint8Array,
  off: number,
  g: MutableSyscallGhost,
): void {
  b.fill(0, off + L.places, off + L.insts + L.placeCount * INST_W);
  const met: RequestInstance[] = [];
  if (g.bySlot.length + g.held.length !== L.placeCount + L.heldPlace.filter((p) => p < 0).length)
    throw new Error('packed syscall engine: the ghost has other places');
  const places = [...g.bySlot];
  g.held.forEach((inst, a) => {
    if ((L.heldPlace[a] ?? -1) >= 0) places.push(inst);
    else if (inst !== undefined) throw new Error(`packed syscall engine: agent ${a} holds a request`);
  });
  places.forEach((inst, place) => {
    if (inst === undefined) return;
    let k = met.indexOf(inst) + 1;
    if (k === 0) {
      met.push(inst);
      k = met.length;
      const o = off + L.insts + (k - 1) * INST_W;
      b[o] = toByte(inst.p, 'instance ring');
      b[o + 1] = toByte(inst.slot, 'instance slot');
      b[o + 2] = toByte(inst.req, 'instance request id');
      b[o + 3] = toByte(inst.requester + 1, 'instance requester');
      b[o + 4] = toByte(inst.executions, 'instance executions');
      b[o + 5] = toByte(inst.replies, 'instance replies');
    }
    b[off + L.places + place] = k;
  });
}

const at = (b: Uint8Array, i: number): number => b[i] ?? 0;

/** The node the bytes of `b` at `off` stand for (inverse of {@link encodeSyscallNode}; instance ids are their numbers). */
export function decodeSyscallNode(
  L: SyscallPackedLayout,
  b: Uint8Array,
  off: number,
): { sys: SyscallState; cghost: MutableControllerGhost; ghost: MutableSyscallGhost } {
  const c = decodeControllerNode(L.C, b, off);
  const R = L.cfg.ringSlots;
  const agents: AgentState[] = [];
  for (let a = 0; a < L.agentCount; a++) {
    const o = off + L.agents + a * AGENT_W;
    agents.push({ phase: PHASES[at(b, o)] ?? 'idle', slot: at(b, o + 1) - 1, req: at(b, o + 2) });
  }
  const rings: Ring[] = [];
  for (let p = 0; p < L.cfg.processes; p++) {
    const o = off + L.rings + p * L.ringW;
    const slots: Slot[] = [];
    for (let i = 0; i < R; i++) {
      const so = o + 2 + i * SLOT_W;
      slots.push({
        state: SLOT_STATES[at(b, so)] ?? 'FREE',
        req: at(b, so + 1),
        requester: at(b, so + 2) - 1,
        target: at(b, so + 3),
        arg: at(b, so + 4),
        result: at(b, so + 5),
      });
    }
    rings.push({ head: at(b, o), tail: at(b, o + 1), slots });
  }
  const instances: RequestInstance[] = [];
  const places: (RequestInstance | undefined)[] = [];
  for (let place = 0; place < L.placeCount; place++) {
    const k = at(b, off + L.places + place);
    if (k === 0) {
      places.push(undefined);
      continue;
    }
    let inst = instances[k - 1];
    if (inst === undefined) {
      const o = off + L.insts + (k - 1) * INST_W;
      inst = {
        id: k,
        p: at(b, o),
        slot: at(b, o + 1),
        req: at(b, o + 2),
        requester: at(b, o + 3) - 1,
        executions: at(b, o + 4),
        replies: at(b, o + 5),
      };
      instances[k - 1] = inst;
    }
    places.push(inst);
  }
  const slotsN = L.cfg.processes * R;
  const ghost: MutableSyscallGhost = {
    bySlot: places.slice(0, slotsN),
    held: Array.from(L.heldPlace, (place) => (place < 0 ? undefined : places[place])),
    submitted: instances.length,
    consumed: 0,
  };
  return { sys: { ctrl: c.state, rings, agents }, cghost: c.ghost, ghost };
}
