/**
 * Where the hardware lives in the repository: the RTL of hw/rtl (in the order a tool must read
 * it, the package first), the formal harness of hw/formal, and the formal flow's cache.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The synthesizable RTL, in the order a tool must read it (the package first). */
export const RTL_FILES = [
  'intc_pkg.sv',
  'intc_ram_1r1w.sv',
  'intc_prio_enc.sv',
  'intc_irq_edges.sv',
  'intc_reg_decode.sv',
  'intc_ctrl.sv',
  'intc_top.sv',
].map((f) => join(ROOT, 'hw', 'rtl', f));

/** The folder of the formal harness; it also holds the z3 filter yosys-smtbmc runs. */
export const FORMAL_DIR = join(ROOT, 'hw', 'formal');

/** The harness's own sources, after the RTL. */
export const FORMAL_FILES = [
  'intc_bus_env.sv',
  'intc_checker.sv',
  'intc_probes.sv',
  'intc_formal_top.sv',
].map((f) => join(FORMAL_DIR, f));

/** The Yosys commands that bind the induction probes to the design's registers (run after flatten). */
export const PROBES_SCRIPT = join(FORMAL_DIR, 'intc_probes.ys');

/** The seeded bugs' names and descriptions (the harness's bugs.h, one source for both flows). */
export const BUGS_HEADER = join(ROOT, 'hw', 'sim', 'bugs.h');

/** Built models, cached by the hash of everything that goes into them (ignored by git). */
export const FORMAL_CACHE = join(FORMAL_DIR, 'build');
