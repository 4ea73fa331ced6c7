/**
 * No dead exports: every name a source file exports is used by another file (a source, a test, a
 * bench or a script), or, for a type, by its own file's other declarations (their signatures need
 * it exported). A value used only inside its own file should not be exported; one used nowhere
 * should not exist. (knip's check, done over this repository's imports.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, sourceFiles } from './importGraph.ts';

const EXPORT =
  /^export\s+(?:declare\s+)?(?:async\s+)?(function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;

/** Every file whose imports count as uses: sources, tests, benches, scripts. */
function allFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const p = join(dir, name);
      if (statSync(join(ROOT, p)).isDirectory()) walk(p);
      else if (/\.(ts|mts|mjs)$/.test(name)) out.push(p);
    }
  };
  for (const d of [
    'model',
    'protocols',
    'engine',
    'traces',
    'replay',
    'report',
    'pictures',
    'cli',
    'test',
    'bench',
    'scripts',
  ])
    walk(d);
  return out;
}

/** The names each file imports (or re-exports) from other files. */
function importedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"][^'"]+['"]/g)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)[0]
        ?.trim();
      if (name) names.add(name);
    }
  }
  for (const m of text.matchAll(/import\s+([A-Za-z_$][\w$]*)\s+from/g)) if (m[1]) names.add(m[1]);
  // A lazy import uses the names read off it: `(await import('./x.ts')).f` or `const { f } = await import('./x.ts')`.
  for (const m of text.matchAll(/import\(\s*['"][^'"]+['"]\s*\)\)\.([A-Za-z_$][\w$]*)/g))
    if (m[1]) names.add(m[1]);
  for (const m of text.matchAll(/const\s*\{([^}]*)\}\s*=\s*await\s+import\(/g)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part.split(':')[0]?.trim();
      if (name) names.add(name);
    }
  }
  // A namespace import uses the names read off it (`import * as A from …; A.enqueue(…)`).
  for (const m of text.matchAll(/import\s+\*\s+as\s+([A-Za-z_$][\w$]*)\s+from/g)) {
    const ns = m[1] ?? '';
    for (const u of text.matchAll(new RegExp(`\\b${ns}\\.([A-Za-z_$][\\w$]*)`, 'g')))
      if (u[1]) names.add(u[1]);
  }
  return names;
}

describe('exports', () => {
  test('every exported name is imported somewhere else', () => {
    const used = new Set<string>();
    const texts = new Map<string, string>();
    for (const f of allFiles()) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      texts.set(f, text);
      for (const n of importedNames(text)) used.add(n);
    }
    const dead: string[] = [];
    for (const f of sourceFiles()) {
      const text = texts.get(f) ?? '';
      for (const m of text.matchAll(EXPORT)) {
        const [, kind, name] = m;
        if (name === undefined || used.has(name)) continue;
        // A type named in its own file's other declarations is part of their signatures (declaration
        // emit needs it exported); a value used only in its own file should not be exported.
        const isType = kind === 'interface' || kind === 'type';
        if (isType && (text.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0) > 1) continue;
        dead.push(`${f}: ${name}`);
      }
    }
    expect(dead).toEqual([]);
  });
});
