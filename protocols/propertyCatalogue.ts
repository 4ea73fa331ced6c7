/**
 * The property table of each protocol's page (docs/<protocol>.md), derived from the descriptors:
 * every property the protocol defines with its kind, its spec section, its sentence of intent,
 * the file it is defined in, and the seeded bugs (mutants of any protocol) expected to catch it.
 * scripts/docTables.ts writes it between the page's `properties` markers; test/docs checks it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOLS } from './index.ts';
import type { Protocol } from './protocol.ts';

const HERE = import.meta.dirname;

/** The file under protocols/<name>/properties/ that defines property `id` (from the repository root), or undefined. */
export function propertyFile(protocol: string, id: string): string | undefined {
  const dir = join(HERE, protocol, 'properties');
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .find((f) => readFileSync(join(dir, f), 'utf8').includes(`id: '${id}'`));
  return file === undefined ? undefined : `protocols/${protocol}/properties/${file}`;
}

/** The mutants, of every protocol, whose catalogue entry expects `id` to catch them. */
function catchers(id: string): string[] {
  const names = PROTOCOLS.flatMap((p) => p.mutants)
    .filter((m) => m.expectedViolations.includes(id))
    .map((m) => m.name);
  return [...new Set(names)];
}

/** The Markdown table of `p`'s own properties (those another protocol defines are on its page). */
export function propertyTable(p: Protocol): string {
  const rows = p.properties
    .filter((q) => q.protocol === p.name)
    .map((q) => {
      const file = propertyFile(p.name, q.id);
      const id = file === undefined ? `\`${q.id}\`` : `[\`${q.id}\`](../${file})`;
      const bugs = catchers(q.id).map((m) => `\`${m}\``);
      return `| ${id} | ${q.kind} | ${q.spec} | ${q.description} | ${bugs.length === 0 ? '—' : bugs.join(', ')} |`;
    });
  return [
    '| property | kind | spec | what holds | seeded bugs expected to fail it |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
