/** The file names of the traces a check writes. */

/**
 * The trace file of a failure, `<protocol>--<impl>--<property>--<preset>.itf.json`; a shard's
 * carries its number, so shards sharing `--out` do not collide.
 */
export function traceName(
  protocol: string,
  impl: string,
  property: string,
  preset: string,
  shard: { readonly index: number; readonly count: number } | undefined,
): string {
  const where = preset.replace(/[^\w.-]+/g, '_');
  const suffix = shard ? `--shard-${shard.index}-of-${shard.count}` : '';
  return `${protocol}--${impl}--${property}--${where}${suffix}.itf.json`;
}
