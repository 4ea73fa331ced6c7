/**
 * The protocols intcheck checks, in one list: every command, report reader, trace reader and the
 * explorer loop over it. Adding a protocol is its folder under protocols/ plus one line here
 * (docs/adding-a-protocol.md).
 */
import { UsageError } from '../model/badInput.ts';
import { controller } from './controller/index.ts';
import type { Protocol } from './protocol.ts';
import { syscall } from './syscall/index.ts';
import { uipi } from './uipi/index.ts';
import { wakeup } from './wakeup/index.ts';

export const PROTOCOLS: readonly Protocol[] = [controller, wakeup, syscall, uipi];

/** The protocol called `name`, or undefined. */
export function findProtocol(name: string): Protocol | undefined {
  return PROTOCOLS.find((p) => p.name === name);
}

/** The protocols' names, in list order. */
export function protocolNames(): string[] {
  return PROTOCOLS.map((p) => p.name);
}

/** `--protocol NAME`: the protocol, or a usage error listing them. */
export function protocolNamed(name: string): Protocol {
  const p = findProtocol(name);
  if (p === undefined)
    throw new UsageError(`--protocol: unknown protocol "${name}" (known: ${protocolNames().join(', ')})`);
  return p;
}

/**
 * The implementation `--impl NAME` or `--mutant NAME` names for `p` (the reference when neither
 * is given): a design under --impl, a mutant under --mutant; a name of the wrong kind, or of
 * another protocol's, is refused with the flag or protocol that would take it.
 */
export function implementationOf(
  p: Protocol,
  o: { readonly impl?: string; readonly mutant?: string },
): string {
  if (o.impl !== undefined && o.mutant !== undefined)
    throw new UsageError('--impl and --mutant cannot be used together');
  const isDesign = (q: Protocol, n: string) => q.designs.some((d) => d.name === n);
  const isMutant = (q: Protocol, n: string) =>
    q.mutants.some((m) => m.name === n) || q.foreignMutants.some((m) => m.name === n);
  if (o.mutant !== undefined) {
    const name = o.mutant;
    if (isMutant(p, name)) return name;
    if (isDesign(p, name)) throw new UsageError(`--mutant: "${name}" is not a mutant: use --impl ${name}`);
    const other = PROTOCOLS.find((q) => q !== p && isMutant(q, name));
    if (other !== undefined)
      throw new UsageError(
        `--mutant: "${name}" is a mutant of the ${other.name} protocol: use --protocol ${other.name}`,
      );
    throw new UsageError(
      `--mutant: unknown mutant "${name}" for protocol ${p.name} (known: ${[...p.mutants, ...p.foreignMutants].map((m) => m.name).join(', ')})`,
    );
  }
  const name = o.impl ?? 'reference';
  if (isDesign(p, name)) return name;
  if (isMutant(p, name) || PROTOCOLS.some((q) => isMutant(q, name)))
    throw new UsageError(`--impl: "${name}" is a mutant: use --mutant ${name}`);
  throw new UsageError(
    `--impl: unknown implementation "${name}" for protocol ${p.name} (known: ${p.designs.map((d) => d.name).join(', ')})`,
  );
}

/** `--property ID…` checked against `p`'s properties (a usage error names an unknown one and lists them). */
export function propertyIdsOf(p: Protocol, ids: readonly string[] | undefined): string[] | undefined {
  if (ids === undefined) return undefined;
  const known = p.properties.map((q) => q.id);
  for (const id of ids) {
    if (!known.includes(id))
      throw new UsageError(
        `--property: unknown property "${id}" for protocol ${p.name} (known: ${known.join(', ')})`,
      );
  }
  return [...new Set(ids)];
}
