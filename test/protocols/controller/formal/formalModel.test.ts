/** The probe bindings of hw/formal/intc_probes.ys, expanded for a configuration's interrupt lines. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { probeCommands } from '../../../../protocols/controller/formal/formalModel.ts';
import { PROBES_SCRIPT } from '../../../../protocols/controller/formal/hwFiles.ts';

describe('probeCommands', () => {
  test('a line with %d% is repeated per line with its bits; comments and blank lines go', () => {
    const text = '# bind\n\nconnect -set a b\nconnect -set e[%HI%:%LO%] c[%d%]\n';
    expect(probeCommands(text, 2)).toEqual([
      'connect -set a b',
      'connect -set e[7:0] c[0]',
      'connect -set e[15:8] c[1]',
    ]);
  });

  test('the harness binds every raw input of intc_probes, the edge counters once per line', () => {
    const commands = probeCommands(readFileSync(PROBES_SCRIPT, 'utf8'), 3);
    const bound = commands.map((c) => c.split(' ')[3]?.replace(/\[.*$/, ''));
    expect(new Set(bound)).toEqual(
      new Set([
        'u_probes.raw_state_i',
        'u_probes.raw_cur_acc_i',
        'u_probes.raw_init_idx_i',
        'u_probes.raw_acc_valid_i',
        'u_probes.raw_edge_cnt_i',
      ]),
    );
    expect(commands.filter((c) => c.includes('cnt_q['))).toHaveLength(3);
  });
});
