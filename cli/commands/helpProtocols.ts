/**
 * The protocols and their designs as the help text lists them. `intcheck --help` must start
 * without loading every protocol (issue 20: under 200 ms from the installed package; importing
 * protocols/index.ts alone takes about 230 ms), so the build (scripts/build.mjs) writes this list
 * from protocols/index.ts into `helpProtocols.json` beside the compiled module. Run from the
 * sources (the tests, the programmatic API under tsx), where no such file exists, the list is
 * computed from the registry itself. Either way protocols/index.ts stays the one list: adding a
 * protocol or design changes nothing here.
 */
import { readFileSync } from 'node:fs';
import type { HelpProtocol } from './commandContext.ts';

/** The help list the build wrote beside this module, or undefined when run from the sources. */
function builtList(): readonly HelpProtocol[] | undefined {
  let text: string;
  try {
    text = readFileSync(new URL('helpProtocols.json', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every(isHelpProtocol))
    throw new Error('helpProtocols.json beside the compiled CLI is damaged: rebuild with npm run build');
  return parsed;
}

function isHelpProtocol(v: unknown): v is HelpProtocol {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { name?: unknown; designs?: unknown };
  return (
    typeof o.name === 'string' && Array.isArray(o.designs) && o.designs.every((d) => typeof d === 'string')
  );
}

/** The protocols of protocols/index.ts with their designs' names, as the help text names them. */
export async function helpProtocols(): Promise<readonly HelpProtocol[]> {
  const built = builtList();
  if (built !== undefined) return built;
  const { PROTOCOLS } = await import('../../protocols/index.ts');
  return PROTOCOLS.map((p) => ({ name: p.name, designs: p.designs.map((d) => d.name) }));
}
