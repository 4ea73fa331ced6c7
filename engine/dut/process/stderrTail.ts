/**
 * The last lines a DUT wrote to standard error (its own log): kept for reports, never parsed
 * beyond one question, whether a line looks like a diagnosis (a sanitizer's report, a failed
 * assertion, a panic). Those are kept apart from the rolling tail, since a sanitizer abort ends
 * with lines that say little (`==PID==ABORTING`) far below the line that says what happened.
 * Bounded in memory however much the DUT writes.
 */

/** Lines of the rolling tail kept. */
const KEPT = 12;
/** Diagnosis lines kept (the last ones seen). */
const KEPT_DIAGNOSES = 6;
/** Lines of the tail quoted after the diagnoses. */
const REPORTED_TAIL = 3;
/** Longest line kept, in characters. */
const LINE = 300;
/** Characters of one chunk kept for the tail: a flood is cut to its end (diagnoses are searched in all of it). */
const WINDOW = 8192;

/**
 * A line that says what went wrong: a sanitizer's error or summary, a runtime error, a failed
 * assertion (C, Python, Verilator), a Rust or Go panic, a fatal error, a segmentation fault, the
 * last line of a Python traceback.
 */
const DIAGNOSIS =
  /ERROR: \w*Sanitizer|^SUMMARY: |runtime error: |[Aa]ssertion\b.*\bfailed|assert(ion)? failed|AssertionError|panicked at|^panic: |^fatal error: |^%(Error|Fatal)|\bFATAL\b|Segmentation fault|^\w*(Error|Exception): /m;
/** Cheap pre-test of a chunk before it is split into lines. */
const MAYBE =
  /Sanitizer|SUMMARY|runtime error|ssert|panic|fatal|%Error|%Fatal|FATAL|Segmentation|Error: |Exception: /;

const cut = (line: string): string => (line.length > LINE ? `${line.slice(0, LINE)}…` : line);

/** A rolling tail of a stream of text, with the diagnosis lines it contained. */
export class StderrTail {
  private readonly lines: string[] = [];
  private readonly diagnoses: string[] = [];
  private partial = '';
  /** The unfinished last line is long: its beginning was kept, the rest dropped. */
  private partialCut = false;

  /** Takes one chunk of the stream. */
  push(chunk: string): void {
    if (MAYBE.test(chunk) || MAYBE.test(this.partial.slice(-64) + chunk.slice(0, 64)))
      this.findDiagnoses(chunk);
    const lost = chunk.length > WINDOW;
    const text = this.partial + (lost ? chunk.slice(-WINDOW) : chunk);
    const parts = text.split('\n');
    const rest = parts.pop() ?? '';
    for (const p of parts) this.keep(p);
    this.partialCut = rest.length > LINE;
    this.partial = this.partialCut ? rest.slice(-LINE) : rest;
  }

  /** The last non-empty lines, oldest first (the unfinished last line included). */
  last(): readonly string[] {
    const tail = this.partial.trim() === '' ? this.lines : [...this.lines, this.partial.trimEnd()];
    return tail.slice(-KEPT);
  }

  /**
   * What to quote in a report: the diagnosis lines first (oldest first), then up to
   * {@link REPORTED_TAIL} of the last lines not already quoted (a repeated line once), newest
   * last, within `budget` characters in all (at least one line).
   */
  report(budget = 600): readonly string[] {
    if (!this.partialCut) this.noteDiagnosis(this.partial);
    const tail = this.last();
    const out: string[] = [];
    let used = 0;
    const take = (line: string): boolean => {
      if (out.length > 0 && used + line.length > budget) return false;
      out.push(line);
      used += line.length;
      return true;
    };
    for (const d of this.diagnoses) if (!take(d)) return out;
    const rest = tail.filter((l, i) => !this.diagnoses.includes(l) && tail.indexOf(l) === i);
    const fits: string[] = [];
    for (let i = rest.length - 1; i >= 0 && fits.length < REPORTED_TAIL; i--) {
      const line = rest[i] ?? '';
      if ((out.length > 0 || fits.length > 0) && used + line.length > budget) break;
      fits.unshift(line);
      used += line.length;
    }
    return [...out, ...fits];
  }

  /** The diagnoses among the complete lines of `chunk` (the unfinished last one waits for its end). */
  private findDiagnoses(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    lines.pop();
    for (const line of lines) this.noteDiagnosis(line);
  }

  private noteDiagnosis(line: string): void {
    const t = line.trim();
    if (t === '' || !DIAGNOSIS.test(t)) return;
    const c = cut(t);
    if (this.diagnoses.includes(c)) return;
    this.diagnoses.push(c);
    if (this.diagnoses.length > KEPT_DIAGNOSES) this.diagnoses.shift();
  }

  private keep(line: string): void {
    const t = line.trimEnd();
    if (t === '') return;
    this.lines.push(cut(t));
    if (this.lines.length > KEPT) this.lines.shift();
  }
}
