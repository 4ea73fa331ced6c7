/**
 * Whether an ITF value has the shape of a template value (the encoding of a known state): the
 * same kinds, the same record fields, list and set elements shaped like the template's first
 * element, map entries like its first entry. Names, numbers and variant tags may differ. A trace
 * variable a replay does not step through (the wakeup system's harts, the syscall rings) is
 * checked this way, so a damaged one is refused rather than carried along unread.
 */

import { TraceError } from '../model/TraceError.ts';
import type { ItfValue } from './itfValue.ts';

/** Throws a {@link TraceError} naming `path` when `v` is not shaped like `template`. */
export function checkShape(template: ItfValue, v: ItfValue, path: string): void {
  const fail = (what: string): never => {
    throw new TraceError(`${path}: ${what}`);
  };
  if (template.kind !== v.kind) fail(`expected ${article(template.kind)}, found ${article(v.kind)}`);
  switch (template.kind) {
    case 'bool':
    case 'str':
    case 'int':
    case 'unserializable':
      return;
    case 'list':
    case 'set':
    case 'tup': {
      const items = v.kind === template.kind ? v.items : [];
      if (template.kind === 'tup' && items.length !== template.items.length) {
        fail(`expected a tuple of ${template.items.length}, found ${items.length}`);
      }
      items.forEach((x, i) => {
        const t = template.kind === 'tup' ? template.items[i] : template.items[0];
        if (t !== undefined) checkShape(t, x, `${path}[${i}]`);
      });
      return;
    }
    case 'map': {
      const first = template.entries[0];
      if (first === undefined || v.kind !== 'map') return;
      v.entries.forEach(([k, x], i) => {
        checkShape(first[0], k, `${path}[#${i} key]`);
        checkShape(first[1], x, `${path}[#${i}]`);
      });
      return;
    }
    case 'record': {
      if (v.kind !== 'record') return;
      for (const [name, t] of template.fields) {
        const x = v.fields.get(name);
        if (x === undefined) fail(`no field "${name}"`);
        else checkShape(t, x, `${path}.${name}`);
      }
      for (const name of v.fields.keys()) if (!template.fields.has(name)) fail(`unknown field "${name}"`);
      return;
    }
    case 'variant':
      return;
  }
}

function article(kind: ItfValue['kind']): string {
  switch (kind) {
    case 'int':
      return 'an integer';
    case 'str':
      return 'a string';
    case 'bool':
      return 'a boolean';
    case 'list':
      return 'a list';
    case 'set':
      return 'a set';
    case 'tup':
      return 'a tuple';
    case 'map':
      return 'a map';
    case 'record':
      return 'a record';
    case 'variant':
      return 'a variant';
    case 'unserializable':
      return 'an unserializable value';
  }
}
