/**
 * Starting a design under test: spawn its command line and say `hello` within the start
 * timeout (simulators start slowly). A DUT that fails `hello` is killed and reaped before this
 * returns, and the failure is one line naming the request, ending with the DUT's last stderr line.
 */
import { DutProcess } from './dutProcess.ts';
import type { DutReply } from './parseReply.ts';
import { requestLine } from './requestLine.ts';

/** A DUT that answered `hello`, or the one line saying why it did not. */
export type StartedDut =
  | { readonly ok: true; readonly dut: DutProcess; readonly name: string }
  | { readonly ok: false; readonly line: string };

/** The DUT's last stderr line, as a suffix for a one-line report ("" when it wrote none). */
export function stderrSuffix(dut: DutProcess): string {
  const last = dut.stderrTail().at(-1);
  return last === undefined ? '' : ` (DUT stderr: ${JSON.stringify(last)})`;
}

/** Spawns `command` and exchanges `hello`. */
export async function startDut(command: string, window: number, startTimeoutMs: number): Promise<StartedDut> {
  const dut = new DutProcess(command, window);
  const hello = { op: 'hello' } as const;
  let reply: DutReply | undefined;
  const x = await dut.exchange([hello], startTimeoutMs, (_i, r) => {
    reply = r;
    return 'next';
  });
  let why: string | undefined;
  if (x.kind === 'failed') why = x.failure.detail;
  else if (reply?.kind === 'hello') return { ok: true, dut, name: reply.name };
  else if (reply?.kind === 'refused') why = `the DUT answered "ok": false: ${JSON.stringify(reply.error)}`;
  else if (reply?.kind === 'malformed') why = reply.why;
  else why = 'no reply';
  const suffix = stderrSuffix(dut);
  await dut.kill();
  return {
    ok: false,
    line: `DUT "${command}": hello failed, request ${requestLine(hello)}: ${why}${suffix}`,
  };
}
