/**
 * A finding: a bug the suite reports in a design written elsewhere (the published ATS-INTC
 * designs, TAIC, the Linux UINTR RFC; issue #17), as plain data. Each design keeps its list beside
 * it (protocols/<protocol>/designs/<design>/findings.ts) and names it as its `findings`; each
 * protocol descriptor exposes those its check reports (Protocol.findings); docs/findings.md is
 * generated from them (scripts/findings.ts), every finding hunted by storms and the explorer.
 */

/** What reproduces a finding beyond its design and property: the check's options, as on the command line. */
export interface FindingRun {
  /** The preset (`--preset`); the protocol's small preset when neither this nor `config` is given. */
  readonly preset?: string;
  /** A configuration file, from the repository root (`--config`). */
  readonly config?: string;
  /** A storm profile the design declares (`--profile`). */
  readonly profile?: string;
  /** A named drain (`--drain`) the liveness verdict is taken under. */
  readonly drain?: string;
  /** A narrowing of the search to this finding that the protocol names (a linux-rfc-v1 finding's letter). */
  readonly scenario?: string;
}

interface FindingBase {
  /** The design's registry name (`--impl`). */
  readonly design: string;
  /** The protocol whose check reports it (`--protocol`). */
  readonly protocol: string;
  /** The place in the design's upstream code: `file:line`, `file:first-last`, or the source's own key. */
  readonly upstream: string;
  /** The bug, in one sentence, in domain words. */
  readonly bug: string;
  /** The id of the property that reports it, judged alone. */
  readonly property: string;
  /**
   * The message of the violation that is this finding, where the property reports more than one
   * thing in the design under the same run: a hunt counts (and shrinks, and explores to) only a
   * failure whose message this matches, as a narrowing. Absent: every failure of the property.
   */
  readonly shows?: RegExp;
  /** Its options beyond design and property; absent: the small preset, the design's own storms. */
  readonly run?: FindingRun;
}

/** A finding with a saved counterexample. */
export interface SavedFinding extends FindingBase {
  /** `traces/saved/<protocol>--<design>--<property>[--suffix].itf.json`, from the repository root. */
  readonly trace: string;
  /**
   * The property the trace's replay with every property reports first (and its file names), when
   * it is not `property`.
   */
  readonly replayFailsFirst?: string;
}

/** A finding without one: why, and what reproduces it instead. */
export interface UnsavedFinding extends FindingBase {
  readonly trace: null;
  readonly unsaved: string;
}

export type Finding = SavedFinding | UnsavedFinding;

/** The properties of `findings`, each once, in list order (a design's expected violations). */
export function findingProperties(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.property))];
}

/** The findings of `designs` that `protocol`'s check reports, in design then list order (a descriptor's `findings`). */
export function findingsOn(
  protocol: string,
  designs: readonly { readonly findings?: readonly Finding[] }[],
): Finding[] {
  return designs.flatMap((d) => (d.findings ?? []).filter((f) => f.protocol === protocol));
}

/**
 * Whether violation `v` is finding `f`: a violation of its property whose message `f.shows`
 * matches, when it says (the narrowing of its hunts and explorations).
 */
export function isFinding(f: Finding, v: { readonly property: string; readonly message: string }): boolean {
  return v.property === f.property && (f.shows === undefined || f.shows.test(v.message));
}
