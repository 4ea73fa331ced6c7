/**
 * `intcheck explore --property ID[,ID…]`: the property ids the explorer may judge for each
 * protocol, and the check of the ids the user asked for (an unknown one is a usage error naming
 * it and listing the valid ids of that protocol).
 */
import { propertiesOf } from '../../protocols/registry.ts';
import { syscallPropertyIds } from '../../protocols/syscall/properties/selection.ts';
import { UIPI_PROPERTIES } from '../../protocols/uipi/properties/index.ts';
import { wakeupPropertyIds } from '../../protocols/wakeup/properties/selection.ts';
import { UsageError } from '../errors.ts';
import type { CheckProtocolName } from '../options.ts';

/** Every property id `explore --protocol protocol` can judge, in registry order. */
export function explorePropertyIds(protocol: CheckProtocolName): string[] {
  switch (protocol) {
    case 'controller':
      return propertiesOf('controller').map((p) => p.id);
    case 'wakeup':
      return wakeupPropertyIds();
    case 'syscall':
      return syscallPropertyIds();
    case 'uipi':
      return UIPI_PROPERTIES.map((p) => p.id);
  }
}

/** Commander's collector for a repeatable, comma-separated option. */
export function collectIds(value: string, prev: readonly string[] | undefined): string[] {
  return [...(prev ?? []), ...value.split(',').map((id) => id.trim())];
}

/**
 * The ids of `--property` (undefined when absent: the explorer's default selection), each checked
 * against the protocol's; duplicates dropped.
 */
export function explorePropertiesOption(
  protocol: CheckProtocolName,
  ids: readonly string[] | undefined,
): string[] | undefined {
  if (ids === undefined) return undefined;
  const known = explorePropertyIds(protocol);
  for (const id of ids) {
    if (!known.includes(id))
      throw new UsageError(
        `--property: unknown property "${id}" for protocol ${protocol} (known: ${known.join(', ')})`,
      );
  }
  return [...new Set(ids)];
}
