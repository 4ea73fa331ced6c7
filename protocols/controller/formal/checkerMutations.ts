/**
 * Checker mutations: for a property that no seeded RTL bug breaks within a bounded check's reach,
 * a deliberate mistake in the checker (hw/formal/intc_checker.sv), made by Yosys commands on the
 * elaborated harness, that the property's assertion must then catch on the correct RTL. A
 * mutation shows that the assertion can fail (it is not vacuous: its condition is reached, and
 * what it compares is what the design does), as a seeded bug does for the other properties.
 */
import type { Config } from '../model/config/config.ts';
import type { FormalProperty } from './formalProperties.ts';

export interface CheckerMutation {
  readonly name: string;
  /** The property whose assertion catches it. */
  readonly property: FormalProperty;
  /** One sentence: what the mutated checker believes. */
  readonly description: string;
  /** The Yosys commands that make it, run on the flattened harness before the assertions are selected. */
  commands(cfg: Config): readonly string[];
}

/** Bits of a process index in the checker (its PW). */
const processBits = (cfg: Config): number => (cfg.processes > 1 ? Math.ceil(Math.log2(cfg.processes)) : 1);

export const CHECKER_MUTATIONS: readonly CheckerMutation[] = [
  {
    name: 'no-access-recorded',
    property: 'neverStalls',
    description:
      "The checker's copy of the request latch stays empty, so the design starts an access the checker never saw taken.",
    // Not the handshake wire: Yosys merges the checker's handshake with the design's (the same
    // expression of the same inputs), and tying it would stop the design too.
    commands: () => ["connect -set u_chk.cq_valid_q 1'0"],
  },
  {
    name: 'watched-in-last-process',
    property: 'processIsolation',
    description:
      "The checker records the watched task as the last process's wherever it was written, so the DEQUEUE that returns it on its own page looks like another process's.",
    commands: (cfg) => [`connect -set u_chk.w_p_q ${processBits(cfg)}'d${cfg.processes - 1}`],
  },
];
