/**
 * The mutant catalogue of every protocol in one list: each seeded bug with the protocol whose
 * properties must catch it, its one-line description and the property ids expected to. The
 * per-protocol catalogues (controllerMutants.ts, wakeupMutants.ts, and the syscall and UIPI
 * ones) keep their own types; this list only needs what every mutant says about itself.
 * Adding a protocol's catalogue is one line in {@link MUTANT_CATALOGUE}.
 */
import { CONTROLLER_MUTANTS } from './controller/mutants/controllerMutants.ts';
import { SYSCALL_MUTANTS } from './syscall/mutants/syscallMutants.ts';
import { UIPI_MUTANTS } from './uipi/mutants/uipiMutants.ts';
import { WAKEUP_MUTANTS } from './wakeup/mutants/wakeupMutants.ts';

/** What every mutant of every protocol says about itself (a protocol catalogue's entries have at least this). */
export interface MutantDescription {
  /** Name as on the command line (kebab-case). */
  readonly name: string;
  /** One line: the bug it seeds. */
  readonly description: string;
  /** The property ids expected to catch it. */
  readonly expectedViolations: readonly string[];
}

/** One row of the catalogue: a mutant and the protocol it is checked on. */
export interface CatalogueEntry {
  readonly protocol: string;
  readonly name: string;
  readonly description: string;
  readonly expected: readonly string[];
}

/** `mutants` as catalogue rows of `protocol`, in their catalogue's order. */
export function catalogued(protocol: string, mutants: readonly MutantDescription[]): CatalogueEntry[] {
  return mutants.map((m) => ({
    protocol,
    name: m.name,
    description: m.description,
    expected: m.expectedViolations,
  }));
}

/** Every mutant of every protocol, protocol by protocol, each in its catalogue's order. */
export const MUTANT_CATALOGUE: readonly CatalogueEntry[] = [
  ...catalogued('controller', CONTROLLER_MUTANTS),
  ...catalogued('wakeup', WAKEUP_MUTANTS),
  ...catalogued('syscall', SYSCALL_MUTANTS),
  ...catalogued('uipi', UIPI_MUTANTS),
];

/** The protocols that have mutants, in catalogue order. */
export function catalogueProtocols(): string[] {
  return [...new Set(MUTANT_CATALOGUE.map((e) => e.protocol))];
}

/** The catalogue rows of `protocol`. */
export function catalogueOf(protocol: string): CatalogueEntry[] {
  return MUTANT_CATALOGUE.filter((e) => e.protocol === protocol);
}
