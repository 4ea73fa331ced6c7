/**
 * ITF values as Quint expressions (`[1, 2]`, `{ p: 0, task: 3 }`, `value(5)`, `yield`), so a
 * recorded trace can be written as a Quint `run` and judged by the Quint specification. Also
 * used to show a value in one line of a message.
 */
import type { ItfValue } from '../itfValue.ts';

/** `v` as a Quint expression. */
export function quintText(v: ItfValue): string {
  switch (v.kind) {
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'int':
      return v.value.toString();
    case 'str':
      return JSON.stringify(v.value);
    case 'list':
      return `[${v.items.map(quintText).join(', ')}]`;
    case 'tup':
      return `(${v.items.map(quintText).join(', ')})`;
    case 'set':
      return `Set(${v.items.map(quintText).join(', ')})`;
    case 'map':
      return `Map(${v.entries.map(([k, x]) => `${quintText(k)} -> ${quintText(x)}`).join(', ')})`;
    case 'record':
      return `{ ${[...v.fields].map(([k, x]) => `${k}: ${quintText(x)}`).join(', ')} }`;
    case 'variant':
      return v.value.kind === 'tup' && v.value.items.length === 0 ? v.tag : `${v.tag}(${quintText(v.value)})`;
    case 'unserializable':
      return v.repr;
  }
}
