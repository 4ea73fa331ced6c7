/**
 * The import graph of the sources (not tests, benches or scripts): every relative import of every
 * .ts/.mjs file, resolved to the file it names, with type-only imports marked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export const ROOT = normalize(join(import.meta.dirname, '..', '..'));

/** The source folders whose files the graph covers. */
export const SOURCE_FOLDERS = [
  'model',
  'protocols',
  'engine',
  'traces',
  'replay',
  'report',
  'pictures',
  'cli',
  'api',
];

export interface ImportEdge {
  /** Importing and imported file, relative to the repository root. */
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(ts|mts|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

/** Every source file, relative to the root. */
export function sourceFiles(): string[] {
  return SOURCE_FOLDERS.flatMap((f) => filesUnder(join(ROOT, f))).map((p) => relative(ROOT, p));
}

const IMPORT =
  /(?:^|\n)\s*(import|export)(\s+type)?\s[^'";]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** The relative imports of every source file. */
export function importEdges(): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of sourceFiles()) {
    const text = readFileSync(join(ROOT, from), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[3] ?? m[4];
      if (spec === undefined) continue;
      const to = relative(ROOT, normalize(join(ROOT, dirname(from), spec)));
      edges.push({ from, to, typeOnly: m[2] !== undefined });
    }
  }
  return edges;
}
