/**
 * Every protocol has a page (docs/<protocol>.md) whose property table is the one its descriptor
 * gives now (regenerate: npx tsx scripts/docTables.ts), and every property links to the file
 * that defines it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROTOCOLS } from '../../protocols/index.ts';
import { propertyFile, propertyTable } from '../../protocols/propertyCatalogue.ts';
import { markedSection } from '../../report/markedSection.ts';
import { ROOT } from '../architecture/importGraph.ts';

describe('the property tables of the protocol pages', () => {
  test.each(PROTOCOLS.map((p) => [p.name, p] as const))(
    'docs/%s.md has the current table (npx tsx scripts/docTables.ts)',
    (name, p) => {
      const page = readFileSync(join(ROOT, 'docs', `${name}.md`), 'utf8');
      expect(markedSection(page, 'properties')).toBe(propertyTable(p));
    },
  );

  test.each(PROTOCOLS.map((p) => [p.name, p] as const))('%s: every property has its own file', (name, p) => {
    const own = p.properties.filter((q) => q.protocol === name);
    expect(own.filter((q) => propertyFile(name, q.id) === undefined).map((q) => q.id)).toEqual([]);
  });
});
