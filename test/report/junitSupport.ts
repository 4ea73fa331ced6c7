/**
 * Reading a `--junit` file back as CI systems do: well-formed XML (fast-xml-parser's validator),
 * only the elements and attributes of the Ant/Jenkins JUnit schema in their places, and the
 * verdicts as a real JUnit reader from npm sees them (test-results-parser, the parser of the
 * testbeats CI reporter).
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type ITestResult, parse } from 'test-results-parser';
import { expect } from 'vitest';

/** The Jenkins schema's attributes of each element intcheck writes (junit-10.xsd's names). */
const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  testsuites: ['name', 'tests', 'failures', 'errors', 'skipped', 'disabled', 'time'],
  testsuite: [
    'name',
    'tests',
    'failures',
    'errors',
    'skipped',
    'disabled',
    'time',
    'timestamp',
    'hostname',
    'id',
    'package',
  ],
  properties: [],
  property: ['name', 'value'],
  testcase: ['name', 'classname', 'time', 'assertions', 'status'],
  failure: ['message', 'type'],
  error: ['message', 'type'],
  skipped: ['message'],
  'system-out': [],
  'system-err': [],
};
/** The children each element may have, in the schema's order. */
const CHILDREN: Readonly<Record<string, readonly string[]>> = {
  testsuites: ['testsuite'],
  testsuite: ['properties', 'testcase', 'system-out', 'system-err'],
  properties: ['property'],
  testcase: ['skipped', 'error', 'failure', 'system-out', 'system-err'],
};

type Node = Record<string, unknown>;

/** Checks element names, attribute names, children order and the counts of every suite. */
function checkSchema(name: string, node: Node, where: string): void {
  const allowed = ATTRIBUTES[name];
  expect(allowed, `${where}: <${name}> is not a JUnit element`).toBeDefined();
  const children = (node[name] ?? []) as Node[];
  const attrs = Object.keys((node[':@'] ?? {}) as Node).map((a) => a.replace(/^@_/, ''));
  for (const a of attrs) expect(allowed, `${where}: <${name} ${a}> is not a JUnit attribute`).toContain(a);
  const order = CHILDREN[name];
  let last = -1;
  for (const child of children) {
    const childName = Object.keys(child).find((k) => k !== ':@');
    if (childName === undefined || childName === '#text') continue;
    expect(order, `${where}: <${childName}> inside <${name}>`).toContain(childName);
    const at = order?.indexOf(childName) ?? -1;
    expect(at, `${where}: <${childName}> out of the schema's order in <${name}>`).toBeGreaterThanOrEqual(
      last,
    );
    last = at;
    checkSchema(childName, child, `${where}/${childName}`);
  }
  if (name === 'testsuite') {
    const cases = children.filter((c) => 'testcase' in c);
    const count = (kind: string) =>
      cases.filter((c) => ((c.testcase ?? []) as Node[]).some((x) => kind in x)).length;
    const a = (node[':@'] ?? {}) as Record<string, string>;
    expect(Number(a['@_tests']), `${where}: tests`).toBe(cases.length);
    expect(Number(a['@_failures']), `${where}: failures`).toBe(count('failure'));
    expect(Number(a['@_skipped']), `${where}: skipped`).toBe(count('skipped'));
  }
}

/** The report in `file`, checked against the schema, as test-results-parser reads it. */
export function readJUnit(file: string): ITestResult {
  const xml = readFileSync(file, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(xml) as Node[];
  const root = doc.find((n) => 'testsuites' in n);
  if (root === undefined) throw new Error(`${file}: no <testsuites>`);
  checkSchema('testsuites', root, file);
  return parse({ type: 'junit', files: [file] });
}
