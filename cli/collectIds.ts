/** Commander's collector for a repeatable, comma-separated option (`--property a,b --property c`). */
export function collectIds(value: string, prev: readonly string[] | undefined): string[] {
  return [...(prev ?? []), ...value.split(',').map((id) => id.trim())];
}
