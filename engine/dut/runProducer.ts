/**
 * The runs of a `conform` check, generated in the background while the DUT works: one fast-check
 * check over the run arbitrary (so run `i` is exactly the check's `i`-th value, as in
 * engine/check/seededRuns.ts) whose property queues each run and yields to the event loop,
 * so the DUT's replies are read and the window refilled between two generated runs. It stops
 * generating once the queue holds `high` runs, and for good after {@link RunProducer.stop}.
 */
import fc from 'fast-check';
import type { DutAccess } from './process/requestLine.ts';

/** Resolves on the event loop's next check phase, after pending I/O callbacks. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export class RunProducer {
  private readonly queue: DutAccess[][] = [];
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;
  private done = false;
  private stopped = false;
  /** What generating threw (an internal error), rethrown to the consumer. */
  private failure: { readonly error: unknown } | undefined;
  /** Settles when the background check has finished (every run generated, or stopped). */
  readonly finished: Promise<void>;

  constructor(arb: fc.Arbitrary<DutAccess[]>, seed: number, runs: number, high: number) {
    const property = fc.asyncProperty(arb, async (run) => {
      // Stopped: end the check (`endOnFailure`: no shrinking) instead of generating every remaining run.
      if (this.stopped) return false;
      this.queue.push(run);
      this.wake('consumer');
      await yieldToIo();
      while (this.queue.length >= high && !this.stopped) {
        await new Promise<void>((resolve) => {
          this.wakeProducer = resolve;
        });
      }
      return true;
    });
    const end = (error?: { readonly error: unknown }) => {
      this.done = true;
      this.failure = error;
      this.wake('consumer');
    };
    this.finished = fc.check(property, { seed, numRuns: runs, endOnFailure: true }).then(
      () => end(),
      (error: unknown) => end({ error }),
    );
  }

  /** Takes up to `max` runs in order, waiting for one; empty once every run was generated and taken. */
  async take(max: number): Promise<DutAccess[][]> {
    while (this.queue.length === 0 && !this.done) {
      await new Promise<void>((resolve) => {
        this.wakeConsumer = resolve;
      });
    }
    if (this.failure !== undefined) throw this.failure.error;
    const out = this.queue.splice(0, max);
    this.wake('producer');
    return out;
  }

  /** Stops generating (the runs already queued are dropped). */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.wake('producer');
  }

  private wake(who: 'consumer' | 'producer'): void {
    const f = who === 'consumer' ? this.wakeConsumer : this.wakeProducer;
    if (who === 'consumer') this.wakeConsumer = undefined;
    else this.wakeProducer = undefined;
    f?.();
  }
}
