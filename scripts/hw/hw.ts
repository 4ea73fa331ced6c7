/**
 * Where the hardware side of the suite lives, and the tools it needs: the Verilator harness
 * `hw/sim/build/intc-dut` (built by `npm run hw:build`), the RTL sources in `hw/rtl/`, and
 * Verilator / Yosys found on the PATH. Shared by scripts/hw/*, bench/rtlConform.ts and test/hw/.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { ROOT } from '../../protocols/controller/formal/hwFiles.ts';

export { ROOT, RTL_FILES } from '../../protocols/controller/formal/hwFiles.ts';
/** The Verilator harness (both presets in one binary). */
export const HW_DUT = join(ROOT, 'hw', 'sim', 'build', 'intc-dut');

/** The Debian package that brings each tool. */
const PACKAGE: Record<string, string> = {
  verilator: 'verilator',
  yosys: 'yosys',
  make: 'make',
  'g++': 'g++',
};

/** The first line `tool` prints of its version; throws one clear line when the tool is missing. */
export function requireTool(tool: string, versionFlag = '--version'): string {
  const r = spawnSync(tool, [versionFlag], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(
      `${tool} is not installed, and the hardware checks need it (Debian: apt-get install ${PACKAGE[tool] ?? tool}; .ci/run installs it when missing)`,
    );
  }
  return `${r.stdout}${r.stderr}`.trim().split('\n')[0] ?? '';
}

let built = false;

/**
 * Builds the harness with `npm run hw:build` (make: a no-op when nothing changed; the script
 * takes a lock, so parallel callers are safe). Throws with make's output when the build fails.
 */
export function buildHarness(): void {
  if (built) return;
  requireTool('verilator');
  const r = spawnSync('npm', ['run', '--silent', 'hw:build'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`npm run hw:build failed (exit ${r.status}):\n${r.stdout}${r.stderr}`.slice(0, 20_000));
  }
  built = true;
}
