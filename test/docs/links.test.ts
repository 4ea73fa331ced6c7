/**
 * The documentation's links lead somewhere: every relative link of the README and of docs/*.md
 * names a file or folder of the repository, and so does every path in code style that starts at
 * one of its source folders (`protocols/uipi/index.ts`, `engine/dut/`), so a page cannot keep
 * describing a file that moved. Build outputs (`…/build/…`) and placeholders (`<name>`) are not
 * paths to check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../architecture/importGraph.ts';

const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The relative link targets of a Markdown page (no scheme, no bare anchor), without their anchor. */
function links(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1] ?? '';
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
    out.push(target.split('#')[0] ?? target);
  }
  return out;
}

/** The repository's folders a path in code style may start at (and the former ones, properties/ and impl/). */
const FOLDERS = [
  'properties',
  'impl',
  'model',
  'engine',
  'protocols',
  'traces',
  'replay',
  'report',
  'pictures',
  'cli',
  'test',
  'scripts',
  'bench',
  'docs',
  'hw',
  'spec',
];

/** The paths in code style of a page that start at one of {@link FOLDERS}, without a `:line` suffix. */
function codePaths(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/`([\w./-]+\/[\w./-]*)(?::[\d,-]+)?`/g)) {
    const path = m[1] ?? '';
    if (!FOLDERS.includes(path.split('/')[0] ?? '') || path.includes('/build/')) continue;
    out.push(path);
  }
  return out;
}

describe('documentation links', () => {
  test.each(PAGES)('%s: every relative link names an existing file', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const broken = links(text).filter((l) => !existsSync(join(ROOT, dirname(page), l)));
    expect(broken).toEqual([]);
  });

  test.each(PAGES)('%s: every source path in code style exists', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    expect(codePaths(text).filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  test('every page of docs/ is linked from the README or another page', () => {
    const linked = new Set(
      PAGES.flatMap((page) =>
        links(readFileSync(join(ROOT, page), 'utf8')).map((l) => join(dirname(page), l)),
      ),
    );
    expect(PAGES.filter((p) => p !== 'README.md' && !linked.has(p))).toEqual([]);
  });
});
