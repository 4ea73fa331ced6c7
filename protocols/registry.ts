/**
 * The one registry of properties, derived from the protocol descriptors (protocols/index.ts): every
 * property of every protocol, each once. A protocol built on another judges that one's properties
 * too (the wakeup system judges the controller-step properties on every access it makes); they
 * belong to the protocol that defines them (`Property.protocol`) and are listed there. A protocol
 * adds its properties through its descriptor, and nothing here changes.
 */
import type { Property } from '../engine/property.ts';
import { PROTOCOLS } from './index.ts';

/** Every property of the suite, in protocol order; ids are unique. */
export const PROPERTIES: readonly Property<never>[] = PROTOCOLS.flatMap((p) =>
  p.properties.filter((q) => q.protocol === p.name),
);

/** The property called `id`, or undefined. */
export function findProperty(id: string): Property<never> | undefined {
  return PROPERTIES.find((p) => p.id === id);
}

/** The properties `protocol` defines, in registry order. */
export function propertiesOf(protocol: string): readonly Property<never>[] {
  return PROPERTIES.filter((p) => p.protocol === protocol);
}
