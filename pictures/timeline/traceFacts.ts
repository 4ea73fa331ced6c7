/** What every protocol's replay timeline shows about its trace: the header facts and a property's rule. */
import type { DescribeProperty } from '../../engine/property.ts';
import type { TraceHeader } from '../../traces/itfTrace.ts';

/** What the header shows about the trace file. */
export function traceFacts(parsed: TraceHeader, implementation: string): [string, string][] {
  const m = parsed.meta;
  const facts: [string, string][] = [
    ['file', parsed.file],
    ['protocol', parsed.protocol],
    ['replayed on', implementation],
    ['events', String(parsed.events.length)],
  ];
  if (m.property !== undefined) {
    const at = m.failingStep === undefined ? '' : ` at step ${m.failingStep}`;
    facts.push(['recorded failure', `${m.property}${at}${m.message === undefined ? '' : `: ${m.message}`}`]);
  }
  if (m.note !== undefined) facts.push(['note', m.note]);
  if (m.seed !== undefined) facts.push(['seed', `${m.seed}${m.path === undefined ? '' : ` path ${m.path}`}`]);
  return facts;
}

/** The rule a property states, as an explanation line. */
export function ruleOf(property: string, describe: DescribeProperty): string[] {
  const p = describe(property);
  return p === undefined ? [] : [`rule (${p.spec}): ${p.description}`];
}
