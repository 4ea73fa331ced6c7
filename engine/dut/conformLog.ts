/**
 * The offline check of a recorded DUT conversation (`conform --trace FILE.jsonl`): one
 * `{"req":…,"rep":…}` object per line, in the wire format. Each `reset` starts a run of the
 * reference model with the configuration it carries; every reply after it is validated and
 * scored exactly as a live run's would be. A line that is not such a record is malformed input
 * (a {@link TraceError} naming the line); a reply that differs or breaks the protocol is a failure
 * of the recorded design, reported with its line.
 */

import { ConfigError } from '../../model/configFile.ts';
import { TraceError } from '../../model/TraceError.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import { parseConfig } from '../../protocols/controller/model/config/loadConfig.ts';
import { replyFailure } from './dutRunOutcome.ts';
import { referencePredictor } from './predictor.ts';
import type { DutFailure } from './process/dutFailure.ts';
import { HEX64, parseReply } from './process/parseReply.ts';
import type { DutAccess, DutRequest } from './process/requestLine.ts';
import { type Mismatch, Scoreboard } from './scoreboard.ts';

/** What the log shows. `line` numbers count from 1. */
export type LogVerdict =
  | { readonly kind: 'pass'; readonly runs: number; readonly requests: number; readonly refused: number }
  | { readonly kind: 'mismatch'; readonly line: number; readonly mismatch: Mismatch }
  | {
      readonly kind: 'failure';
      readonly line: number;
      readonly failure: DutFailure;
      readonly request: string;
    };

type Obj = Readonly<Record<string, unknown>>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function hexField(o: Obj, name: string): bigint {
  const v = o[name];
  if (typeof v !== 'string' || !HEX64.test(v)) throw new TraceError(`"${name}" is not a hex string "0x…"`);
  return BigInt(v);
}

/** The request a log record carries (an irq on a line ≥ D is kept: the DUT must refuse it). */
function parseRequest(req: unknown, cfg: Config | undefined): DutRequest {
  if (!isObj(req)) throw new TraceError('"req" is not a JSON object');
  switch (req.op) {
    case 'hello':
    case 'bye':
      return { op: req.op };
    case 'reset':
      try {
        return { op: 'reset', cfg: parseConfig(req.config) };
      } catch (e) {
        if (e instanceof ConfigError) throw new TraceError(e.message);
        throw e;
      }
    case 'read':
      return { type: 'Read', addr: hexField(req, 'addr') };
    case 'write':
      return { type: 'Write', addr: hexField(req, 'addr'), data: hexField(req, 'data') };
    case 'irq': {
      const line = req.line;
      if (typeof line !== 'number' || !Number.isInteger(line) || line < 0) {
        throw new TraceError('"line" is not a non-negative integer');
      }
      if (cfg === undefined) throw new TraceError('an irq before any reset');
      return { type: 'Irq', line };
    }
    default:
      throw new TraceError(`unknown op ${JSON.stringify(req.op)}`);
  }
}

/** Checks the log `text`; `file` names it in errors. */
export function conformLog(text: string, file: string): LogVerdict {
  const lines = text.split('\n');
  let board: Scoreboard | undefined;
  let cfg: Config | undefined;
  let step = 0;
  let runs = 0;
  let requests = 0;
  let refused = 0;
  for (let n = 1; n <= lines.length; n++) {
    const raw = (lines[n - 1] ?? '').trim();
    if (raw === '') continue;
    const where = `${file}: line ${n}`;
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch {
      throw new TraceError(`${where}: not valid JSON`);
    }
    if (!isObj(rec) || !('req' in rec) || !('rep' in rec)) {
      throw new TraceError(`${where}: expected an object {"req": …, "rep": …}`);
    }
    let req: DutRequest;
    try {
      req = parseRequest(rec.req, cfg);
    } catch (e) {
      if (e instanceof TraceError) throw e.at(where);
      throw e;
    }
    const request = JSON.stringify(rec.req);
    const reply = parseReply(JSON.stringify(rec.rep), req);
    requests++;
    if ('op' in req) {
      if (req.op === 'reset') {
        if (reply.kind === 'refused') {
          refused++;
          board = undefined;
          cfg = undefined;
          continue;
        }
        cfg = req.cfg;
        board = new Scoreboard(referencePredictor(cfg), false);
        step = 0;
        runs++;
      }
      const bad = replyFailure(reply, 0);
      if (bad !== undefined) return { kind: 'failure', line: n, failure: bad, request };
      continue;
    }
    if (board === undefined || cfg === undefined) {
      throw new TraceError(`${where}: an access before any accepted reset`);
    }
    const access: DutAccess = req;
    if (access.type === 'Irq' && access.line >= cfg.devices) {
      if (reply.kind !== 'refused') {
        const detail = `an interrupt on line ${access.line} ≥ D = ${cfg.devices} was not refused with "ok": false`;
        return { kind: 'failure', line: n, failure: { kind: 'shape', index: step, detail }, request };
      }
      continue;
    }
    const bad = replyFailure(reply, step);
    if (bad !== undefined) return { kind: 'failure', line: n, failure: bad, request };
    const m = board.score(step, access, reply.kind === 'data' ? reply.data : undefined);
    if (m !== null) return { kind: 'mismatch', line: n, mismatch: m };
    step++;
  }
  return { kind: 'pass', runs, requests, refused };
}
