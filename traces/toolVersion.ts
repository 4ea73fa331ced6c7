/**
 * The tool version: package.json's `version`, read once at load. It is what `intcheck --version`
 * prints, what every trace's `#meta.version` records and what `--json` reports carry, so the three
 * always agree. package.json is found by walking up from this file, which is one folder below it in
 * the sources (traces/) and two in the built package (dist/traces/).
 */
import { readFileSync } from 'node:fs';

/** The `version` of the first package.json named "intcheck" above this file, or 0.0.0. */
function readVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    let pkg: unknown;
    try {
      pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8'));
    } catch {
      continue;
    }
    if (typeof pkg !== 'object' || pkg === null || !('name' in pkg) || pkg.name !== 'intcheck') continue;
    const v = 'version' in pkg ? pkg.version : undefined;
    return typeof v === 'string' ? v : '0.0.0';
  }
  return '0.0.0';
}

export const TOOL_VERSION: string = readVersion();
