/**
 * The help text's protocols and designs are the registry's (protocols/index.ts): computed from it
 * when run from the sources, and written from it by the build beside the compiled CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { helpProtocols } from '../../cli/commands/helpProtocols.ts';
import { PROTOCOLS } from '../../protocols/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const registry = PROTOCOLS.map((p) => ({ name: p.name, designs: p.designs.map((d) => d.name) }));

test('run from the sources, the help lists the protocols of protocols/index.ts with their designs', async () => {
  expect(await helpProtocols()).toEqual(registry);
});

test('the build writes the same list beside the compiled CLI (npm ci builds dist/)', () => {
  const built = join(ROOT, 'dist', 'cli', 'commands', 'helpProtocols.json');
  expect(existsSync(built), 'dist/ is built by npm ci (prepare)').toBe(true);
  expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(registry);
});
