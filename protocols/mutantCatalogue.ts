/**
 * The mutant catalogue of every protocol in one list: each seeded bug with the protocol whose
 * properties must catch it, its one-line description and the property ids expected to, read off
 * the protocol descriptors (protocols/index.ts), each protocol's catalogue in its own order.
 */
import type { MutantDescription } from '../engine/kill/killAdapter.ts';
import { PROTOCOLS } from './index.ts';

export type { MutantDescription };

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
export const MUTANT_CATALOGUE: readonly CatalogueEntry[] = PROTOCOLS.flatMap((p) =>
  catalogued(p.name, p.mutants),
);

/** The protocols that have mutants, in catalogue order. */
export function catalogueProtocols(): string[] {
  return [...new Set(MUTANT_CATALOGUE.map((e) => e.protocol))];
}

/** The catalogue rows of `protocol`. */
export function catalogueOf(protocol: string): CatalogueEntry[] {
  return MUTANT_CATALOGUE.filter((e) => e.protocol === protocol);
}
