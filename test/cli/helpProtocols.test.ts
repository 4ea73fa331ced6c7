/** The help text's written-out list of protocols and designs is the registry's (protocols/index.ts). */
import { expect, test } from 'vitest';
import { HELP_PROTOCOLS } from '../../cli/commands/helpProtocols.ts';
import { PROTOCOLS } from '../../protocols/index.ts';

test('cli/commands/helpProtocols.ts lists the protocols of protocols/index.ts with their designs', () => {
  const registry = PROTOCOLS.map((p) => ({ name: p.name, designs: p.designs.map((d) => d.name) }));
  // A protocol or design added to the registry is added to that list too (the help must not load them all).
  expect(HELP_PROTOCOLS, 'update cli/commands/helpProtocols.ts to this list').toEqual(registry);
});
