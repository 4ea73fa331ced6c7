/**
 * The monitor's framing: cuts a DUT's standard output into reply lines (a final `\r` dropped),
 * refusing any line longer than {@link MAX_LINE} whether or not its newline has come yet, so a
 * DUT that floods its output cannot make the suite buffer without bound.
 */

/** The longest reply line accepted (spec: a line longer than 1 MiB is a failure). */
export const MAX_LINE = 1024 * 1024;

/** Incremental line splitting of a text stream. */
export class LineSplitter {
  private partial = '';

  /**
   * Hands every complete line of `chunk` (with what came before it) to `onLine`, which returns
   * false to stop. Returns false when a line is longer than {@link MAX_LINE} (and drops it).
   */
  push(chunk: string, onLine: (line: string) => boolean): boolean {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      const piece = chunk.slice(start, nl);
      const line = this.partial === '' ? piece : this.partial + piece;
      this.partial = '';
      start = nl + 1;
      if (line.length > MAX_LINE) return false;
      if (!onLine(line.endsWith('\r') ? line.slice(0, -1) : line)) return true;
    }
    if (start < chunk.length) this.partial += chunk.slice(start);
    if (this.partial.length > MAX_LINE) {
      this.partial = '';
      return false;
    }
    return true;
  }
}
