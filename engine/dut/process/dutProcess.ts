/**
 * The transport to a design under test (the testbench's driver and monitor at the pipe level):
 * starts the DUT's command line as a child process in its own process group, writes request
 * lines to its standard input and reads reply lines from its standard output, keeping up to
 * `window` requests in flight (spec/dut-protocol.md: replies come in request order). Every
 * misbehaviour becomes a {@link DutFailure}; {@link DutProcess.kill} kills the whole group and
 * waits until the process is reaped. No clock is read: the per-request timeout is one timer,
 * re-armed whenever a reply arrives, so it bounds the wait for the oldest unanswered request.
 */
import type { ChildProcess } from 'node:child_process';
import { type DutFailure, type DutFailureKind, exitFailure } from './dutFailure.ts';
import { LineSplitter } from './lineSplitter.ts';
import { type DutReply, parseReply } from './parseReply.ts';
import { type DutRequest, requestLine } from './requestLine.ts';
import { spawnDut } from './spawnDut.ts';
import { StderrTail } from './stderrTail.ts';

/** How long a process whose output closed gets to report its exit before it counts as "closed output". */
const EXIT_GRACE_MS = 200;

/** What the caller does after a reply: go on, stop sending (the in-flight replies are still read), or abort at once. */
export type ReplyVerdict = 'next' | 'stop' | 'abort';

/** How an exchange ended: every sent request answered (`answered` of them), or a failure. */
export type ExchangeOutcome =
  | { readonly kind: 'done'; readonly answered: number }
  | { readonly kind: 'failed'; readonly failure: DutFailure };

interface Exchange {
  readonly requests: readonly DutRequest[];
  readonly onReply: (index: number, reply: DutReply) => ReplyVerdict;
  readonly resolve: (o: ExchangeOutcome) => void;
  readonly timeoutMs: number;
  /** Next request to send, and next one to be answered. */
  sent: number;
  answered: number;
  stopped: boolean;
}

/** A running DUT process. */
export class DutProcess {
  private readonly child: ChildProcess;
  private readonly window: number;
  private readonly reaped: Promise<void>;
  private readonly tail = new StderrTail();
  private readonly lines = new LineSplitter();
  private current: Exchange | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** A failure seen while no exchange was running; reported by the next one. */
  private broken: DutFailure | undefined;
  private exited = false;
  private killed = false;
  private exitText: { readonly kind: DutFailureKind; readonly detail: string } | undefined;

  /** Starts `command` with `/bin/sh -c` in a new process group (a simple command replaces the shell). */
  constructor(command: string, window: number) {
    this.window = Math.max(1, window);
    this.child = spawnDut(command);
    // 'exit', not 'close': a grandchild that left the process group may hold the pipes open.
    this.reaped = new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.once('error', () => resolve());
    });
    this.child.once('error', (e) => this.fail('spawn', `cannot start the DUT (${e.message})`));
    this.child.once('exit', (code, signal) => this.onExit(code, signal));
    this.child.stdin?.on('error', () => {}); // EPIPE after a death: reported through 'exit'
    const out = this.child.stdout;
    out?.setEncoding('utf8');
    out?.on('data', (chunk: string) => this.onData(chunk));
    out?.once('end', () => this.onEnd());
    const err = this.child.stderr;
    err?.setEncoding('utf8');
    err?.on('data', (chunk: string) => this.tail.push(chunk));
  }

  /** The process id (of the shell or the DUT it became). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The DUT's last lines of standard error, oldest first. */
  stderrTail(): readonly string[] {
    return this.tail.last();
  }

  /**
   * Sends `requests` (up to the window in flight) and hands each validated reply to `onReply`
   * in order. Resolves when every request sent is answered, or at the first failure.
   */
  exchange(
    requests: readonly DutRequest[],
    timeoutMs: number,
    onReply: (index: number, reply: DutReply) => ReplyVerdict,
  ): Promise<ExchangeOutcome> {
    if (this.current !== undefined) throw new Error('DutProcess: one exchange at a time');
    return new Promise((resolve) => {
      if (this.broken !== undefined) {
        resolve({ kind: 'failed', failure: this.broken });
        return;
      }
      if (requests.length === 0) {
        resolve({ kind: 'done', answered: 0 });
        return;
      }
      this.current = { requests, onReply, resolve, timeoutMs, sent: 0, answered: 0, stopped: false };
      this.pump();
    });
  }

  /** Kills the process group (if still running) and waits until the process is reaped. */
  async kill(): Promise<void> {
    this.killNow();
    await this.reaped;
    this.child.stdin?.destroy();
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
  }

  /** Sends SIGKILL to the process group at once (also from a signal handler, which cannot wait). */
  killNow(): void {
    this.killed = true;
    this.stopTimer();
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL'); // the group: the shell and whatever it started
    } catch {
      // already gone
    }
  }

  /** Sends `bye`, waits for its reply and the exit (each within `timeoutMs`), then makes sure the group is gone. */
  async close(timeoutMs: number): Promise<void> {
    if (!this.exited && this.broken === undefined) {
      const bye = await this.exchange([{ op: 'bye' }], timeoutMs, () => 'next');
      if (bye.kind === 'done') {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([this.reaped, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
        clearTimeout(timer);
      }
    }
    await this.kill();
  }

  /**
   * Writes as many requests as the window allows, in one write, once at most half the window is
   * in flight: writes stay large (few system calls on both sides) while the pipe never runs dry.
   */
  private pump(): void {
    const x = this.current;
    if (x === undefined || x.stopped) return;
    if (x.sent - x.answered > this.window >> 1) return;
    const limit = Math.min(x.requests.length, x.answered + this.window);
    if (x.sent >= limit) return;
    let text = '';
    for (; x.sent < limit; x.sent++) {
      const r = x.requests[x.sent];
      if (r !== undefined) text += `${requestLine(r)}\n`;
    }
    this.child.stdin?.write(text);
    this.armTimer(x.timeoutMs);
  }

  private onData(chunk: string): void {
    if (this.broken !== undefined) return; // nothing a broken DUT says is read any more
    const fits = this.lines.push(chunk, (line) => {
      this.onLine(line);
      return this.broken === undefined;
    });
    if (!fits) this.fail('hugeLine', 'a reply line longer than 1 MiB');
    else this.pump();
  }

  private onLine(line: string): void {
    const x = this.current;
    if (x === undefined || x.answered >= x.sent) {
      this.fail('extra', `an output line with no request outstanding: ${JSON.stringify(line.slice(0, 80))}`);
      return;
    }
    const index = x.answered;
    const r = x.requests[index];
    if (r === undefined) return;
    x.answered++;
    const verdict = x.onReply(index, parseReply(line, r));
    if (verdict === 'abort') {
      this.finish({ kind: 'done', answered: x.answered });
      return;
    }
    if (verdict === 'stop') x.stopped = true;
    if (x.answered === (x.stopped ? x.sent : x.requests.length)) {
      this.finish({ kind: 'done', answered: x.answered });
    } else if (x.answered < x.sent) this.timer?.refresh();
  }

  private onEnd(): void {
    if (this.killed || this.exited) return;
    // The output closed: wait briefly for the exit status, which says more (a crash, a code).
    setTimeout(() => {
      if (!this.exited) this.fail('closed', 'the DUT closed its standard output');
    }, EXIT_GRACE_MS);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exited = true;
    if (this.killed) return;
    this.exitText = exitFailure(code, signal);
    // Replies already written may still be in the pipe: judge after the output has drained.
    const out = this.child.stdout;
    if (out === null || out.readableEnded) this.reportExit();
    else out.once('end', () => this.reportExit());
  }

  private reportExit(): void {
    const e = this.exitText;
    if (e !== undefined && !this.killed) this.fail(e.kind, e.detail);
  }

  private fail(kind: DutFailureKind, detail: string): void {
    if (this.broken !== undefined) return;
    const x = this.current;
    const failure: DutFailure = { kind, index: x?.answered ?? 0, detail };
    this.broken = failure;
    if (x !== undefined) this.finish({ kind: 'failed', failure });
  }

  private finish(o: ExchangeOutcome): void {
    const x = this.current;
    this.current = undefined;
    this.stopTimer();
    x?.resolve(o);
  }

  private armTimer(ms: number): void {
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.onTimeout(ms), ms);
    } else this.timer.refresh();
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private onTimeout(ms: number): void {
    this.timer = undefined;
    const x = this.current;
    if (x === undefined || x.answered >= x.sent) return;
    this.fail('timeout', `no reply within ${ms} ms`);
  }
}
