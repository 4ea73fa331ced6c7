/**
 * Coverage counters of a check: how often the storms reached each event kind and each model
 * state or transition. One flat Float64Array of counters over fixed rows, so counting a step is
 * a few increments and no allocation; it is only created when a report asks for it (`--report`),
 * so the default check pays nothing. `live` turns counting off once the check has found its
 * failure: shrinking's runs are not storms the check generated.
 */

/** One counted thing: its group (`event`, `state`, `transition`, …) and its name. */
export interface CoverageRow {
  readonly group: string;
  readonly name: string;
}

/** Counters as data (JSON-safe, mergeable across workers): the rows and their counts. */
export interface CoverageCounts {
  readonly rows: readonly CoverageRow[];
  readonly counts: readonly number[];
}

/** The counters of one check. */
export class Coverage {
  readonly rows: readonly CoverageRow[];
  readonly counts: Float64Array;
  /** Counting is on; the check turns it off when its first failure is found (before shrinking). */
  live = true;

  constructor(rows: readonly CoverageRow[]) {
    this.rows = rows;
    this.counts = new Float64Array(rows.length);
  }

  /** The counters as data. */
  snapshot(): CoverageCounts {
    return { rows: this.rows, counts: Array.from(this.counts) };
  }

  /** Adds counters taken over the same rows (a worker's). */
  add(other: CoverageCounts): void {
    if (other.rows.length !== this.rows.length) throw new Error('coverage: counters over different rows');
    other.counts.forEach((n, i) => {
      this.counts[i] = (this.counts[i] ?? 0) + n;
    });
  }
}
