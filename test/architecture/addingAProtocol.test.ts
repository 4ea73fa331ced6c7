/**
 * Adding a protocol is one folder plus one line (docs/adding-a-protocol.md), shown on UIPI: its
 * descriptor reaches, through its imports, only files in its own folder and in the shared layers
 * (no other protocol's folder), and the one line outside its folder that names it is its entry in
 * protocols/index.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importEdges, ROOT } from './importGraph.ts';

/** Every file `start` reaches through relative imports (itself included). */
function reached(start: string): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of importEdges()) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const seen = new Set<string>([start]);
  const todo = [start];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    for (const g of out.get(f) ?? []) {
      if (seen.has(g)) continue;
      seen.add(g);
      todo.push(g);
    }
  }
  return seen;
}

const SHARED = ['model/', 'engine/', 'traces/', 'replay/', 'report/', 'pictures/'];

describe('adding a protocol', () => {
  const files = [...reached('protocols/uipi/index.ts')];
  const own = files.filter((f) => f.startsWith('protocols/uipi/'));

  test("UIPI's descriptor reaches only its own folder and the shared layers", () => {
    const elsewhere = files.filter(
      (f) =>
        !f.startsWith('protocols/uipi/') &&
        !SHARED.some((s) => f.startsWith(s)) &&
        f !== 'protocols/protocol.ts',
    );
    expect(elsewhere).toEqual([]);
    expect(own.length).toBeGreaterThan(40);
  });

  test('outside its folder, UIPI is named by one line: its entry in protocols/index.ts', () => {
    const index = readFileSync(join(ROOT, 'protocols', 'index.ts'), 'utf8');
    expect(index).toMatch(/^import \{ uipi \} from '\.\/uipi\/index\.ts';$/m);
    expect(index).toMatch(/^export const PROTOCOLS: readonly Protocol\[\] = \[.*\buipi\b.*\];$/m);
    const naming = importEdges().filter(
      (e) =>
        e.to.startsWith('protocols/uipi/') &&
        !e.from.startsWith('protocols/uipi/') &&
        !e.from.startsWith('cli/'),
    );
    expect(naming.map((e) => e.from).filter((f) => f !== 'protocols/index.ts')).toEqual([]);
  });
});
