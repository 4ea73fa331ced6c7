/**
 * The last lines a DUT wrote to standard error (its own log): kept for reports, never parsed.
 * Bounded in memory however much the DUT writes.
 */

/** Lines kept. */
const KEPT = 5;
/** Longest line kept, in characters. */
const LINE = 200;
/** Characters of one chunk looked at: a flood is cut to its end. */
const WINDOW = 4096;

/** A rolling tail of a stream of text. */
export class StderrTail {
  private readonly lines: string[] = [];
  private partial = '';

  /** Takes one chunk of the stream. */
  push(chunk: string): void {
    const text = this.partial + (chunk.length > WINDOW ? chunk.slice(-WINDOW) : chunk);
    const parts = text.split('\n');
    this.partial = (parts.pop() ?? '').slice(-LINE);
    for (const p of parts) this.keep(p);
  }

  /** The last non-empty lines, oldest first (the unfinished last line included). */
  last(): readonly string[] {
    const tail = this.partial.trim() === '' ? this.lines : [...this.lines, this.partial];
    return tail.slice(-KEPT);
  }

  private keep(line: string): void {
    const t = line.trimEnd();
    if (t === '') return;
    this.lines.push(t.length > LINE ? `${t.slice(0, LINE)}…` : t);
    if (this.lines.length > KEPT) this.lines.shift();
  }
}
