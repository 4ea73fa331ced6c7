/** The tool version written to every trace's `#meta`: package.json's `version`, read once at load. */
import { readFileSync } from 'node:fs';

function readVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const v = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  return typeof v === 'string' ? v : '0.0.0';
}

export const TOOL_VERSION: string = readVersion();
