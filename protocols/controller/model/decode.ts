/**
 * Address decoding: the one place where a 64-bit MMIO address becomes (process, register,
 * index), and where every wrong access of spec/controller.md §4.3 is recognised.
 */
import type { Config } from './config/config.ts';
import type { AccessEvent, ControllerEvent, Irq, LocalAccess } from './events.ts';
import { DIRECTION, INDEX_ROOM, OFFSET, PAGE_SIZE, type RegisterName } from './registers.ts';

/** Why an access is wrong (§4.3). The reason is diagnostic; every one sets BAD_ACCESS alike. */
export type BadAccessReason =
  | 'outsideRange' // address outside [base, base + N*0x1000), or a page ≥ N
  | 'unaligned' // not 8-byte aligned
  | 'unmapped' // an offset no register lives at
  | 'priority' // ENQUEUE_k with k ≥ P
  | 'device' // IRQ_REGISTER_d with d ≥ D
  | 'ipcType' // IPC_REGISTER_t with t ≥ T, or IPC_SEND of a type ≥ T
  | 'sendTarget' // IPC_SEND to a process ≥ N
  | 'readOfWriteOnly'
  | 'writeOfReadOnly'
  | 'zeroTask'; // task id 0 written to ENQUEUE, IRQ_REGISTER or IPC_REGISTER

/** A decoded address: which page, which register, which index (0 for unindexed registers). */
export type DecodedAddress =
  | { readonly ok: true; readonly p: number; readonly reg: RegisterName; readonly index: number }
  | { readonly ok: false; readonly reason: BadAccessReason };

/** A wrong access: nothing changes but BAD_ACCESS; a read returns 0. */
export interface BadAccess {
  readonly type: 'BadAccess';
  readonly access: 'read' | 'write';
  readonly reason: BadAccessReason;
}

/**
 * What one controller step does in the reference's terms: an operation-level event with valid
 * fields, an interrupt, or a wrong access. A design-only access ({@link LocalAccess}) is a wrong
 * (unmapped) access to the reference.
 */
export type Operation = Exclude<ControllerEvent, AccessEvent | LocalAccess> | BadAccess;

/**
 * A DEQUEUE through a design's own queue that is not a priority request (TAIC's `task_dequeue` on
 * local queue `via` > 0: the hart's own queue, taic.md *Storm restriction*): it takes a task of
 * process p as a DEQUEUE does, but strictPriority does not judge it.
 */
export interface DequeueVia {
  readonly type: 'DequeueVia';
  readonly p: number;
  readonly via: number;
}

/**
 * A step of a design's own register map with no §4 counterpart (a half-written capability
 * sequence, `whart`, a word of `alq`/`flq`, …). The properties judge it by its effect alone: it
 * moves no task instance in or out of the controller and makes none ready; the error bits it sets
 * are the design's own business (no §5 rule names them), but it clears none.
 */
export interface DesignOnly {
  readonly type: 'DesignOnly';
  readonly access: 'read' | 'write';
  /** The register, in the design's words (for messages). */
  readonly what: string;
}

/** What a step does as the properties judge it: a reference operation, or a design's own kind (decoded by the design). */
export type JudgedOp = Operation | DequeueVia | DesignOnly;

const bad = (reason: BadAccessReason): DecodedAddress => ({ ok: false, reason });

/** A decoded register (a module-level function: closures on this hot path are costly under tsx). */
function at(p: number, reg: RegisterName, index: number): DecodedAddress {
  return { ok: true, p, reg, index };
}

/** Decodes an address into (process, register, index), or says why no register is there. */
export function decodeAddress(cfg: Config, addr: bigint): DecodedAddress {
  const rel = addr - cfg.base;
  if (rel < 0n || rel >= BigInt(cfg.processes) * PAGE_SIZE) return bad('outsideRange');
  if ((rel & 7n) !== 0n) return bad('unaligned');
  const p = Number(rel / PAGE_SIZE);
  const off = Number(rel % PAGE_SIZE);
  if (off === OFFSET.DEQUEUE) return at(p, 'DEQUEUE', 0);
  if (off < OFFSET.IPC_SEND) {
    const k = (off - OFFSET.ENQUEUE) / 8;
    return k < cfg.priorities ? at(p, 'ENQUEUE', k) : bad('priority');
  }
  if (off === OFFSET.IPC_SEND) return at(p, 'IPC_SEND', 0);
  if (off < OFFSET.IRQ_REGISTER) {
    const t = (off - OFFSET.IPC_REGISTER) / 8;
    return t < cfg.ipcTypes ? at(p, 'IPC_REGISTER', t) : bad('ipcType');
  }
  if (off < OFFSET.ERROR) {
    const d = (off - OFFSET.IRQ_REGISTER) / 8;
    return d < cfg.devices ? at(p, 'IRQ_REGISTER', d) : bad('device');
  }
  if (off === OFFSET.ERROR) return at(p, 'ERROR', 0);
  if (off === OFFSET.STATUS) return at(p, 'STATUS', 0);
  return bad('unmapped');
}

/** The address of register `reg` index `index` on page `p` (no range checks: any page, any index). */
export function registerAddress(cfg: Config, p: number, reg: RegisterName, index = 0): bigint {
  return cfg.base + BigInt(p) * PAGE_SIZE + BigInt(OFFSET[reg] + 8 * index);
}

const badOp = (access: 'read' | 'write', reason: BadAccessReason): BadAccess => ({
  type: 'BadAccess',
  access,
  reason,
});

/** Decodes a register-level access into the operation it performs (or a wrong access). */
export function decodeAccess(cfg: Config, e: AccessEvent): Operation {
  const access = e.type === 'Read' ? 'read' : 'write';
  const d = decodeAddress(cfg, e.addr);
  if (!d.ok) return badOp(access, d.reason);
  const dir = DIRECTION[d.reg];
  if (e.type === 'Read') {
    if (dir === 'W') return badOp(access, 'readOfWriteOnly');
    if (d.reg === 'DEQUEUE') return { type: 'Dequeue', p: d.p };
    if (d.reg === 'ERROR') return { type: 'ErrorRead', p: d.p };
    return { type: 'StatusRead', p: d.p };
  }
  if (dir === 'R') return badOp(access, 'writeOfReadOnly');
  const data = e.data;
  switch (d.reg) {
    case 'ENQUEUE':
      return checkOperation(cfg, { type: 'Enqueue', p: d.p, prio: d.index, task: data });
    case 'IPC_REGISTER':
      return checkOperation(cfg, { type: 'IpcRegister', p: d.p, ipcType: d.index, task: data });
    case 'IRQ_REGISTER':
      return checkOperation(cfg, { type: 'IrqRegister', p: d.p, device: d.index, task: data });
    case 'IPC_SEND':
      return checkOperation(cfg, {
        type: 'IpcSend',
        p: d.p,
        ipcType: Number(data >> 32n),
        target: Number(data & 0xffff_ffffn),
      });
    default:
      return { type: 'StatusWrite', p: d.p, data };
  }
}

/**
 * The operation a controller event performs: accesses are decoded, operation-level events are
 * checked field by field exactly as the access they encode to would be. A valid operation event
 * is returned as it is (no allocation on the hot path).
 */
export function toOperation(cfg: Config, e: ControllerEvent): Operation {
  switch (e.type) {
    case 'Read':
    case 'Write':
      return decodeAccess(cfg, e);
    case 'LocalRead':
    case 'LocalWrite':
      return decodeAccess(cfg, encodeLocal(cfg, e));
    default:
      return checkOperation(cfg, e);
  }
}

/** Where the reference map puts a design-only access of page p: its last, unmapped, register. */
export const LOCAL_OFFSET = 0xff8n;

function encodeLocal(cfg: Config, e: LocalAccess): AccessEvent {
  const addr = cfg.base + BigInt(e.p) * PAGE_SIZE + LOCAL_OFFSET;
  return e.type === 'LocalRead' ? { type: 'Read', addr } : { type: 'Write', addr, data: e.data };
}

function checkOperation(cfg: Config, e: Exclude<ControllerEvent, AccessEvent | LocalAccess>): Operation {
  if (e.type === 'Irq') return e;
  const access = e.type === 'Dequeue' || e.type === 'ErrorRead' || e.type === 'StatusRead' ? 'read' : 'write';
  if (e.p < 0 || e.p >= cfg.processes) return badOp(access, 'outsideRange');
  switch (e.type) {
    case 'Enqueue':
      if (e.prio >= cfg.priorities) return badOp(access, 'priority');
      return e.task === 0n ? badOp(access, 'zeroTask') : e;
    case 'IrqRegister':
      if (e.device >= cfg.devices) return badOp(access, 'device');
      return e.task === 0n ? badOp(access, 'zeroTask') : e;
    case 'IpcRegister':
      if (e.ipcType >= cfg.ipcTypes) return badOp(access, 'ipcType');
      return e.task === 0n ? badOp(access, 'zeroTask') : e;
    case 'IpcSend':
      if (e.ipcType >= cfg.ipcTypes) return badOp(access, 'ipcType');
      return e.target >= cfg.processes ? badOp(access, 'sendTarget') : e;
    default:
      return e;
  }
}

/**
 * The register-level access an operation-level event stands for. `Irq` is not an access and is
 * returned as it is. Inverse of {@link decodeAccess} for every encodable event (see
 * {@link encodableError}).
 */
export function encodeOperation(cfg: Config, e: ControllerEvent): AccessEvent | Irq {
  switch (e.type) {
    case 'Read':
    case 'Write':
    case 'Irq':
      return e;
    case 'LocalRead':
    case 'LocalWrite':
      return encodeLocal(cfg, e);
    case 'Dequeue':
      return { type: 'Read', addr: registerAddress(cfg, e.p, 'DEQUEUE') };
    case 'ErrorRead':
      return { type: 'Read', addr: registerAddress(cfg, e.p, 'ERROR') };
    case 'StatusRead':
      return { type: 'Read', addr: registerAddress(cfg, e.p, 'STATUS') };
    case 'StatusWrite':
      return { type: 'Write', addr: registerAddress(cfg, e.p, 'STATUS'), data: e.data };
    case 'Enqueue':
      return { type: 'Write', addr: registerAddress(cfg, e.p, 'ENQUEUE', e.prio), data: e.task };
    case 'IpcRegister':
      return { type: 'Write', addr: registerAddress(cfg, e.p, 'IPC_REGISTER', e.ipcType), data: e.task };
    case 'IrqRegister':
      return { type: 'Write', addr: registerAddress(cfg, e.p, 'IRQ_REGISTER', e.device), data: e.task };
    case 'IpcSend':
      return {
        type: 'Write',
        addr: registerAddress(cfg, e.p, 'IPC_SEND'),
        data: (BigInt(e.ipcType) << 32n) | BigInt(e.target),
      };
  }
}

/** Why `v` is not a 64-bit register value, or null (module level: no closure per call). */
function u64Error(v: bigint, name: string): string | null {
  return v < 0n || v >> 64n !== 0n ? `${name} ${v} is not a 64-bit value` : null;
}

/** Why `v` is not an index in 0..room-1, or null. */
function indexError(v: number, room: number, name: string): string | null {
  return Number.isInteger(v) && v >= 0 && v < room ? null : `${name} ${v} is outside 0..${room - 1}`;
}

/** Why `off` is not an 8-byte aligned offset inside a page, or null. */
function offsetError(off: number): string | null {
  return (
    indexError(off, Number(PAGE_SIZE), 'offset') ??
    (off % 8 === 0 ? null : `offset ${off} is not 8-byte aligned`)
  );
}

/** Why `p` is not a page number any address could carry, or null. */
function pageError(p: number): string | null {
  return indexError(p, 2 ** 40, 'process');
}

/**
 * Why an event cannot stand for any access or interrupt of this configuration (a trace or
 * storm that contains it is malformed input, not a wrong access), or null when it can.
 */
export function encodableError(cfg: Config, e: ControllerEvent): string | null {
  switch (e.type) {
    case 'Read':
      return u64Error(e.addr, 'address');
    case 'Write':
      return u64Error(e.addr, 'address') ?? u64Error(e.data, 'data');
    case 'Irq':
      return indexError(e.line, cfg.devices, 'interrupt line');
    case 'Dequeue':
    case 'ErrorRead':
    case 'StatusRead':
      return pageError(e.p);
    case 'StatusWrite':
      return pageError(e.p) ?? u64Error(e.data, 'data');
    case 'Enqueue':
      return pageError(e.p) ?? indexError(e.prio, INDEX_ROOM.ENQUEUE, 'priority') ?? u64Error(e.task, 'task');
    case 'IpcRegister':
      return (
        pageError(e.p) ??
        indexError(e.ipcType, INDEX_ROOM.IPC_REGISTER, 'ipc type') ??
        u64Error(e.task, 'task') ??
        (e.sender === undefined ? null : pageError(e.sender))
      );
    case 'LocalRead':
      return pageError(e.p) ?? indexError(e.lq, 2 ** 20, 'local page') ?? offsetError(e.off);
    case 'LocalWrite':
      return (
        pageError(e.p) ??
        indexError(e.lq, 2 ** 20, 'local page') ??
        offsetError(e.off) ??
        u64Error(e.data, 'data')
      );
    case 'IrqRegister':
      return (
        pageError(e.p) ?? indexError(e.device, INDEX_ROOM.IRQ_REGISTER, 'device') ?? u64Error(e.task, 'task')
      );
    case 'IpcSend':
      return (
        pageError(e.p) ??
        indexError(e.ipcType, 2 ** 32, 'ipc type') ??
        indexError(e.target, 2 ** 32, 'target')
      );
  }
}
