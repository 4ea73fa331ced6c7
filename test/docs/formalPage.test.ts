/**
 * docs/formal.md is complete: its generated tables (npm run formal:full) have a row for every
 * formal property and every seeded bug, the correct RTL fails none, every bug is found by BMC,
 * and the page explains every induction invariant of the checker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FORMAL_PROPERTIES } from '../../protocols/controller/formal/formalProperties.ts';
import { FORMAL_FILES } from '../../protocols/controller/formal/hwFiles.ts';
import { seededBugs } from '../../protocols/controller/formal/seededBugs.ts';
import { markedSection } from '../../report/markedSection.ts';
import { ROOT } from '../architecture/importGraph.ts';

const page = readFileSync(join(ROOT, 'docs', 'formal.md'), 'utf8');
/** The first cell of each row of a Markdown table, without its backquotes and notes. */
const firstCells = (table: string): string[] =>
  table
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => /^\| `([^`]+)`/.exec(l)?.[1] ?? '');

describe('docs/formal.md', () => {
  test('the correct RTL: a row per property, none failing', () => {
    const section = markedSection(page, 'formal-correct') ?? '';
    expect(firstCells(section)).toEqual([...FORMAL_PROPERTIES]);
    expect(section).not.toMatch(/fails at depth/);
  });

  test('the seeded bugs: a row per bug, each found', () => {
    const section = markedSection(page, 'formal-bugs') ?? '';
    expect(firstCells(section)).toEqual(seededBugs().map((b) => b.name));
    expect(section).not.toMatch(/not found|does not reproduce|\*\*fails\*\*/);
  });

  test('every induction invariant of the checker is explained', () => {
    const checker = readFileSync(FORMAL_FILES.find((f) => f.endsWith('intc_checker.sv')) ?? '', 'utf8');
    const invariants = [...checker.matchAll(/^\s*(inv_\w+_I): assert\b/gm)].map((m) => m[1] ?? '');
    expect(invariants.length).toBeGreaterThan(0);
    for (const inv of invariants) expect(page).toMatch(new RegExp(`\\| \`${inv}\` \\| \\S`));
  });
});
