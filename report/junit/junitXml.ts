/**
 * JUnit XML, the report format CI systems read (Jenkins, GitLab, GitHub test reporters, Azure,
 * Buildkite): `<testsuites>` of `<testsuite>` of `<testcase>`, each case passed, failed
 * (`<failure message type>` with the details as text) or skipped (`<skipped message>`), in the
 * element and attribute names of the Ant/Jenkins schema. The XML is built from these plain objects,
 * so every command's report maps to it the same way (report/junit/*Suites.ts).
 */

/** What became of one test case. */
export type JUnitOutcome =
  | { readonly kind: 'passed' }
  | {
      readonly kind: 'failed';
      /** One line: what CI systems show in their list of failures. */
      readonly message: string;
      /** The failure's kind (the property, or the DUT's failure kind). */
      readonly type: string;
      /** The details: the shrunk counterexample, the trace and the replay command. */
      readonly details: string;
      /** The counterexample's trace file, when one was written. */
      readonly trace?: string;
      /** The command that replays it. */
      readonly replay?: string;
    }
  | { readonly kind: 'skipped'; readonly message: string };

export interface JUnitCase {
  /** The property (or mutant) checked. */
  readonly name: string;
  /** Where: protocol, implementation and configuration, dot-separated as CI systems group them. */
  readonly classname: string;
  readonly seconds: number;
  readonly outcome: JUnitOutcome;
  /** Extra lines for `<system-out>` (what the check covered). */
  readonly output?: string;
}

export interface JUnitSuite {
  readonly name: string;
  readonly seconds: number;
  readonly cases: readonly JUnitCase[];
  /** Name/value pairs for `<properties>` (seed, runs, version). */
  readonly properties?: Readonly<Record<string, string | number>>;
}

/** Text as XML character data or an attribute value: markup escaped, characters XML 1.0 forbids dropped. */
function xmlEscape(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\n/g, '&#10;')
  );
}

/** Character data (newlines kept as they are). */
const text = (s: string): string => xmlEscape(s).replace(/&#10;/g, '\n');
const attrs = (o: Readonly<Record<string, string | number>>): string =>
  Object.entries(o)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
const secs = (s: number): string => (Math.round(s * 1000) / 1000).toFixed(3);

/** The counts of `cases` as the schema's attributes. */
function counts(cases: readonly JUnitCase[]): {
  tests: number;
  failures: number;
  errors: 0;
  skipped: number;
} {
  const n = (k: JUnitOutcome['kind']) => cases.filter((c) => c.outcome.kind === k).length;
  return { tests: cases.length, failures: n('failed'), errors: 0, skipped: n('skipped') };
}

function caseXml(c: JUnitCase): string[] {
  const head = `    <testcase${attrs({ name: c.name, classname: c.classname, time: secs(c.seconds) })}`;
  const o = c.outcome;
  const body: string[] = [];
  if (o.kind === 'failed') {
    body.push(`      <failure${attrs({ message: o.message, type: o.type })}>${text(o.details)}</failure>`);
  } else if (o.kind === 'skipped') {
    body.push(`      <skipped${attrs({ message: o.message })}/>`);
  }
  if (c.output !== undefined) body.push(`      <system-out>${text(c.output)}</system-out>`);
  return body.length === 0 ? [`${head}/>`] : [`${head}>`, ...body, '    </testcase>'];
}

function suiteXml(s: JUnitSuite, id: number, timestamp: string): string[] {
  const head = attrs({ name: s.name, id, ...counts(s.cases), time: secs(s.seconds), timestamp });
  const props = Object.entries(s.properties ?? {});
  return [
    `  <testsuite${head}>`,
    ...(props.length === 0
      ? []
      : [
          '    <properties>',
          ...props.map(([name, value]) => `      <property${attrs({ name, value })}/>`),
          '    </properties>',
        ]),
    ...s.cases.flatMap(caseXml),
    '  </testsuite>',
  ];
}

/** The JUnit XML document of `suites`; `name` names the whole run, `now` stamps the suites. */
export function junitXml(name: string, suites: readonly JUnitSuite[], now: Date = new Date()): string {
  const all = suites.flatMap((s) => s.cases);
  const time = suites.reduce((t, s) => t + s.seconds, 0);
  const timestamp = now.toISOString().replace(/\.\d+Z$/, '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name, ...counts(all), time: secs(time) })}>`,
    ...suites.flatMap((s, i) => suiteXml(s, i, timestamp)),
    '</testsuites>',
    '',
  ].join('\n');
}
