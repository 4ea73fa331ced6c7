/**
 * What a TAIC step does in the abstract terms the properties judge (taic.md *Storm restriction*):
 * the reference operations decode as the reference decodes them; a local access decodes by TAIC's
 * LQ-page map to the operation it is (an enqueue, a dequeue — through LQ r > 0 a DequeueVia, not a
 * priority request —, a registration) or to DesignOnly (the capability and send words, `whart`);
 * a raw access decodes by TAIC's own map: the control page's `alq`/`flq` are DesignOnly,
 * `sim_extint_d` is an interrupt on d, and what the reference calls a wrong access (a read of a
 * write-only register, a write to a read-only one, an unmapped offset) is one here too, although
 * TAIC flags none (taic.md *Pages*; errorReporting's must-find (a)).
 */

import type { Config } from '../../model/config/config.ts';
import { type BadAccessReason, type JudgedOp, toOperation } from '../../model/decode.ts';
import type { ControllerEvent, LocalRead, LocalWrite } from '../../model/events.ts';
import { CTL, GQ_NUM, LQ_BASE, LQ_NUM, LQ_REG, PAGE } from './taicMap.ts';

const bad = (access: 'read' | 'write', reason: BadAccessReason): JudgedOp => ({
  type: 'BadAccess',
  access,
  reason,
});
const only = (access: 'read' | 'write', what: string): JudgedOp => ({ type: 'DesignOnly', access, what });

/** The names of the LQ page's write-only registers by offset [T:116-144]. */
const WRITE_ONLY: ReadonlyMap<number, string> = new Map([
  [LQ_REG.taskEnqueue, 'task_enqueue'],
  [LQ_REG.registerSender, 'register_sender'],
  [LQ_REG.cancelSender, 'cancel_sender'],
  [LQ_REG.registerReceiver, 'register_receiver'],
  [LQ_REG.sendIntr, 'send_intr'],
  [LQ_REG.whart, 'whart'],
]);

/** The device line of an `register_extint_d` offset, or -1. */
function extintLine(cfg: Config, off: number): number {
  const d = (off - LQ_REG.registerExtint) / 8;
  return off >= LQ_REG.registerExtint && Number.isInteger(d) && d < cfg.devices ? d : -1;
}

/** A read of an LQ page at `off` whose process is not known (a raw access). */
function lqRead(cfg: Config, off: number): JudgedOp {
  if (off === LQ_REG.taskDequeue) return only('read', 'task_dequeue of an unnamed process');
  if (off === LQ_REG.error) return only('read', 'error (raw GQ bits)');
  if (WRITE_ONLY.has(off) || extintLine(cfg, off) >= 0) return bad('read', 'readOfWriteOnly');
  return bad('read', 'unmapped');
}

/** A write of an LQ page at `off` whose process is not known (a raw access). */
function lqWrite(cfg: Config, off: number): JudgedOp {
  if (off === LQ_REG.taskDequeue || off === LQ_REG.error) return bad('write', 'writeOfReadOnly');
  const name = WRITE_ONLY.get(off);
  if (name !== undefined) return only('write', `${name} of an unnamed process`);
  if (extintLine(cfg, off) >= 0) return only('write', 'register_extint of an unnamed process');
  return bad('write', 'unmapped');
}

/** A raw access by TAIC's map [T:112-152]. */
function raw(cfg: Config, e: Extract<ControllerEvent, { type: 'Read' | 'Write' }>): JudgedOp {
  const access = e.type === 'Read' ? 'read' : 'write';
  const rel = (e.addr - cfg.base) & ~7n;
  if (rel < 0n || rel >= LQ_BASE + BigInt(GQ_NUM * LQ_NUM) * PAGE) return bad(access, 'outsideRange');
  if (rel >= LQ_BASE) {
    const off = Number((rel - LQ_BASE) % PAGE);
    return e.type === 'Read' ? lqRead(cfg, off) : lqWrite(cfg, off);
  }
  const off = Number(rel);
  if (off === CTL.alq) return only(access, `alq ${access}`);
  if (off === CTL.flq) return e.type === 'Write' ? only('write', 'flq') : bad('read', 'readOfWriteOnly');
  const d = (off - CTL.simExtint) / 8;
  if (off >= CTL.simExtint && Number.isInteger(d) && d < cfg.devices)
    return e.type === 'Write' ? { type: 'Irq', line: d } : bad('read', 'readOfWriteOnly');
  return bad(access, 'unmapped');
}

function localRead(cfg: Config, e: LocalRead): JudgedOp {
  if (e.p >= cfg.processes) return bad('read', 'outsideRange');
  if (e.off === LQ_REG.taskDequeue)
    return e.lq === 0 ? { type: 'Dequeue', p: e.p } : { type: 'DequeueVia', p: e.p, via: e.lq };
  return lqRead(cfg, e.off);
}

function localWrite(cfg: Config, e: LocalWrite): JudgedOp {
  if (e.p >= cfg.processes) return bad('write', 'outsideRange');
  if (e.off === LQ_REG.taskEnqueue) {
    if (e.lq >= cfg.priorities) return only('write', `task_enqueue through LQ ${e.lq} ≥ P`);
    return toOperation(cfg, { type: 'Enqueue', p: e.p, prio: e.lq, task: e.data });
  }
  const d = extintLine(cfg, e.off);
  if (d >= 0) return toOperation(cfg, { type: 'IrqRegister', p: e.p, device: d, task: e.data });
  const name = WRITE_ONLY.get(e.off);
  if (name !== undefined) return only('write', `${name} word on LQ ${e.lq} of process ${e.p}`);
  return lqWrite(cfg, e.off);
}

export function taicDecode(cfg: Config, e: ControllerEvent): JudgedOp {
  switch (e.type) {
    case 'Read':
    case 'Write':
      return raw(cfg, e);
    case 'LocalRead':
      return localRead(cfg, e);
    case 'LocalWrite':
      return localWrite(cfg, e);
    default:
      return toOperation(cfg, e);
  }
}
