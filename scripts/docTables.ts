/**
 * Regenerates the property table of every protocol's page (docs/<protocol>.md, between the
 * `<!-- properties:start -->` and `<!-- properties:end -->` markers) from the descriptors. Run
 * with `npx tsx scripts/docTables.ts`; test/docs/propertyTables.test.ts fails when it is due.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { PROTOCOLS } from '../protocols/index.ts';
import { propertyTable } from '../protocols/propertyCatalogue.ts';
import { markers, withMarkedSection } from '../report/markedSection.ts';

let failed = false;
for (const p of PROTOCOLS) {
  const page = new URL(`../docs/${p.name}.md`, import.meta.url);
  const next = withMarkedSection(readFileSync(page, 'utf8'), 'properties', propertyTable(p));
  if (next === undefined) {
    console.error(`scripts/docTables.ts: docs/${p.name}.md has no ${markers('properties')} markers`);
    failed = true;
    continue;
  }
  writeFileSync(page, next);
  console.log(`docs/${p.name}.md: property table written`);
}
process.exit(failed ? 2 : 0);
