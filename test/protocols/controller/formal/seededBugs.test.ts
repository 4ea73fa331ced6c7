/**
 * The seeded bugs the formal flow selects by number are hw/sim/bugs.h's, numbered as
 * intc_pkg::BUG_* in hw/rtl/intc_pkg.sv (the one place a bug's number lives in the RTL).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RTL_FILES } from '../../../../protocols/controller/formal/hwFiles.ts';
import { parseBugsHeader, seededBugs } from '../../../../protocols/controller/formal/seededBugs.ts';

describe('seeded bugs', () => {
  test('a table entry: number, name, formal-only flag, and its sentence joined from adjacent literals', () => {
    const header = `static const SeededBug SEEDED_BUGS[] = {
    {12, "edge-take-race", true,
     "[formal-only] A new edge of a line in the same cycle "
     "is not \\"counted\\"."},
    {3, "prio-enc-reversed", false, "Reversed."},
};`;
    expect(parseBugsHeader(header)).toEqual([
      {
        id: 12,
        name: 'edge-take-race',
        formalOnly: true,
        description: 'A new edge of a line in the same cycle is not \\"counted\\".',
      },
      { id: 3, name: 'prio-enc-reversed', formalOnly: false, description: 'Reversed.' },
    ]);
  });

  test("bugs.h's numbers are intc_pkg's, in the same order", () => {
    const pkg = readFileSync(RTL_FILES.find((f) => f.endsWith('intc_pkg.sv')) ?? '', 'utf8');
    const numbers = [...pkg.matchAll(/BUG_(\w+)\s*=\s*8'd(\d+);/g)]
      .map((m) => Number(m[2]))
      .filter((n) => n > 0);
    const bugs = seededBugs();
    expect(bugs.map((b) => b.id)).toEqual(numbers);
    expect(bugs.length).toBeGreaterThanOrEqual(8);
    expect(bugs.filter((b) => b.formalOnly).map((b) => b.name)).toEqual([
      'edge-take-race',
      'edge-one-per-cycle',
    ]);
  });
});
