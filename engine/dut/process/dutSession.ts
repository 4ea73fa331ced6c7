/**
 * The DUT of a whole check, across restarts: one process serves run after run (`reset` between
 * them), and is replaced by a fresh one (`hello` within the start timeout) only when it cannot be
 * trusted any more: it died, hung, replied garbage, was left with requests unanswered, or ran a
 * run the predictor says ends early (spec/dut-protocol.md). Restarts after a failure of the DUT
 * are capped; once the cap is reached, or a restart fails, {@link DutSession.ready} says why.
 */
import type { DutProcess } from './dutProcess.ts';
import { startDut } from './startDut.ts';

/** How to start the DUT again. */
export interface DutCommand {
  readonly command: string;
  readonly window: number;
  readonly startTimeoutMs: number;
  /** Most restarts after a failure of the DUT (restarts after runs that ended early are not capped). */
  readonly maxRestarts: number;
}

/** Why the process is being replaced. */
export type RestartCause = 'failure' | 'ended';

/** A DUT process that is restarted when it cannot be trusted. */
export class DutSession {
  private dut: DutProcess;
  private stale: RestartCause | undefined;
  /** Set once the DUT cannot be restarted (a failed hello, the cap): every later `ready` says it. */
  private dead: string | undefined;
  /** Restarts after a failure of the DUT, and after runs that ended early. */
  failureRestarts = 0;
  endedRestarts = 0;

  constructor(
    private readonly how: DutCommand,
    first: DutProcess,
    readonly name: string,
  ) {
    this.dut = first;
  }

  /** Starts the DUT (`hello`); the one line saying why not on failure. */
  static async start(
    how: DutCommand,
  ): Promise<{ ok: true; session: DutSession } | { ok: false; line: string }> {
    const s = await startDut(how.command, how.window, how.startTimeoutMs);
    return s.ok ? { ok: true, session: new DutSession(how, s.dut, s.name) } : s;
  }

  /** The current process (replaced by {@link ready} when it cannot be trusted). */
  get process(): DutProcess {
    return this.dut;
  }

  /** All restarts so far. */
  get restarts(): number {
    return this.failureRestarts + this.endedRestarts;
  }

  /** The current process must not serve another run (it failed, or its run ended early). */
  discard(cause: RestartCause): void {
    if (this.stale !== 'failure') this.stale = cause;
  }

  /**
   * Makes the process fit for the next run, restarting it if it was discarded, or (`broken`
   * true, while shrinking) if it broke on its own; undefined when ready, else why it cannot be.
   * With `broken` false a process that broke between runs is left as it is, so the next run
   * reports its failure instead of a silent restart hiding it.
   */
  async ready(broken = true): Promise<string | undefined> {
    if (this.dead !== undefined) return this.dead;
    if (this.stale === undefined && (this.dut.usable || !broken)) return undefined;
    const cause = this.stale ?? 'failure';
    if (cause === 'failure' && this.failureRestarts >= this.how.maxRestarts) {
      this.dead = `the DUT was restarted ${this.failureRestarts} times after failing, the cap (--max-restarts ${this.how.maxRestarts})`;
      return this.dead;
    }
    await this.dut.kill();
    const s = await startDut(this.how.command, this.how.window, this.how.startTimeoutMs);
    if (cause === 'failure') this.failureRestarts++;
    else this.endedRestarts++;
    if (!s.ok) {
      this.dead = `the DUT could not be restarted: ${s.line}`;
      return this.dead;
    }
    this.dut = s.dut;
    this.stale = undefined;
    return undefined;
  }

  /** Ends the conversation: `bye` to a process that can still take it, else a kill; the group is reaped either way. */
  async close(timeoutMs: number): Promise<void> {
    if (this.stale === undefined && this.dut.usable) await this.dut.close(timeoutMs);
    else await this.dut.kill();
  }

  /** Kills the current process group at once (from a signal handler). */
  killNow(): void {
    this.dut.killNow();
  }
}
