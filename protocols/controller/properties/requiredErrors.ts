/**
 * The error bits §5 and §4.3 require a step to set, restated from the spec on abs(before) and
 * the decoded operation (deliberately not by calling the model's guards: the properties are an
 * independent statement of the same rules).
 */
import type { Config } from '../model/config/config.ts';
import type { JudgedOp } from '../model/decode.ts';
import type { IpcRegister, IpcSend, Irq, IrqRegister } from '../model/events.ts';
import { ERR } from '../model/registers.ts';
import { type ControllerState, occupancy } from '../model/state.ts';
import type { ControllerStepContext } from './context.ts';

/** The bits this step must set (0 when it must set none); also says why, for messages. */
export interface RequiredErrors {
  readonly bits: number;
  readonly why: string;
  /**
   * The process whose register the bits belong to where error registers are per process
   * (ControllerState.errorOf): the page written, or the target of a send; undefined when the step
   * names no process (a wrong access, an interrupt).
   */
  readonly p?: number;
}

const NONE: RequiredErrors = Object.freeze({ bits: 0, why: '' });

/** `r` attributed to process p (unchanged when it owes nothing). */
const of = (r: RequiredErrors, p: number): RequiredErrors => (r.bits === 0 ? r : { ...r, p });

/** A registration: refused for capacity first, then for a full blocked queue when it would wait. */
function registration(
  cfg: Config,
  s: ControllerState,
  p: number,
  pending: number,
  waiting: number,
  op: IrqRegister | IpcRegister,
): RequiredErrors {
  const occ = occupancy(cfg, s, p);
  if (occ >= cfg.capacity) {
    return { bits: ERR.QUEUE_FULL, why: `process ${p} held ${occ} of capacity ${cfg.capacity}` };
  }
  if (pending === 0 && waiting >= cfg.waitDepth) {
    const queue = op.type === 'IrqRegister' ? `irqWait[${op.device}]` : `ipcWait[${op.p}][${op.ipcType}]`;
    return { bits: ERR.WAIT_FULL, why: `${queue} held ${waiting} of wait depth ${cfg.waitDepth}` };
  }
  return NONE;
}

/** An interrupt or send with nobody waiting and its pending counter at Q is lost and reported. */
function overflow(cfg: Config, waiting: number, pending: number, op: Irq | IpcSend): RequiredErrors {
  if (waiting > 0 || pending < cfg.pendingMax) return NONE;
  const counter = op.type === 'Irq' ? `irqPending[${op.line}]` : `ipcPending[${op.target}][${op.ipcType}]`;
  return { bits: ERR.PENDING_OVERFLOW, why: `${counter} was at Q=${cfg.pendingMax} with nobody waiting` };
}

/** The bits `op` must set when applied to `s`. */
export function requiredErrors(cfg: Config, s: ControllerState, op: JudgedOp): RequiredErrors {
  switch (op.type) {
    case 'BadAccess':
      return { bits: ERR.BAD_ACCESS, why: `the access is wrong (${op.reason})` };
    case 'Enqueue': {
      const occ = occupancy(cfg, s, op.p);
      if (occ < cfg.capacity) return NONE;
      return {
        bits: ERR.QUEUE_FULL,
        why: `process ${op.p} held ${occ} of capacity ${cfg.capacity}`,
        p: op.p,
      };
    }
    case 'IrqRegister': {
      const d = op.device;
      const waiting = s.irqWait[d]?.length ?? 0;
      return of(registration(cfg, s, op.p, s.irqPending[d] ?? 0, waiting, op), op.p);
    }
    case 'IpcRegister': {
      const i = op.p * cfg.ipcTypes + op.ipcType;
      return of(registration(cfg, s, op.p, s.ipcPending[i] ?? 0, s.ipcWait[i]?.length ?? 0, op), op.p);
    }
    case 'Irq':
      return overflow(cfg, s.irqWait[op.line]?.length ?? 0, s.irqPending[op.line] ?? 0, op);
    case 'IpcSend': {
      const i = op.target * cfg.ipcTypes + op.ipcType;
      return of(overflow(cfg, s.ipcWait[i]?.length ?? 0, s.ipcPending[i] ?? 0, op), op.target);
    }
    case 'Dequeue':
    case 'DequeueVia':
    case 'ErrorRead':
    case 'StatusRead':
    case 'StatusWrite':
      return NONE;
    case 'DesignOnly':
      return NONE; // no §5 rule names a design-only register: the bits it sets are the design's (ghost.ts)
  }
}

/** One-entry cache: errorReporting and the ghost ask about the same step one after the other. */
let cachedFor: ControllerStepContext | undefined;
let cached: RequiredErrors = NONE;

/** The bits the step `ctx` must set: {@link requiredErrors} on its state before and its operation, computed once per step. */
export function stepRequiredErrors(ctx: ControllerStepContext): RequiredErrors {
  if (ctx !== cachedFor) {
    cached = requiredErrors(ctx.cfg, ctx.before, ctx.op);
    cachedFor = ctx;
  }
  return cached;
}
