/**
 * `intcheck conform --trace FILE.jsonl`: the offline check of a recorded DUT conversation.
 * Exit 0 when it conforms, 1 when a reply differs or breaks the protocol (the line is named),
 * 2 for a file that cannot be read or a malformed line.
 */
import { readFileSync } from 'node:fs';
import { conformLog } from '../../engine/dut/conformLog.ts';
import { TraceError } from '../../model/TraceError.ts';
import { EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import type { ConformFlags } from './conform.ts';

/** Checks the log at `file`; returns the exit code. */
export function conformTrace(file: string, f: Pick<ConformFlags, 'json'>, io: Io): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TraceError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const v = conformLog(text, file);
  const json = (o: Record<string, unknown>) => io.out(JSON.stringify({ file, ...o }));
  switch (v.kind) {
    case 'pass': {
      const skipped = v.refused === 0 ? '' : `, ${v.refused} refused configuration(s) skipped`;
      if (v.runs === 0) {
        if (f.json) json({ ok: false, runs: 0, requests: v.requests, refused: v.refused });
        else io.err(`intcheck: ${file}: no accepted reset: nothing to check`);
        return EXIT.badInput;
      }
      if (f.json) json({ ok: true, runs: v.runs, requests: v.requests, refused: v.refused });
      else io.out(`✓ ${file}: ${v.requests} requests in ${v.runs} runs conform to the reference${skipped}`);
      return EXIT.ok;
    }
    case 'mismatch':
      if (f.json) json({ ok: false, line: v.line, step: v.mismatch.step, message: v.mismatch.message });
      else io.out(`✗ ${file}: line ${v.line}: ${v.mismatch.message}`);
      return EXIT.failed;
    case 'failure': {
      const msg = `step ${v.failure.index}, request ${v.request}: ${v.failure.detail}`;
      if (f.json) json({ ok: false, line: v.line, kind: v.failure.kind, message: msg });
      else io.out(`✗ ${file}: line ${v.line}: ${msg}`);
      return EXIT.failed;
    }
  }
}
