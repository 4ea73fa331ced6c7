/**
 * The deterministic text form of a trace: two-space indentation, keys in insertion order, a
 * final newline, and any array or object whose one-line form fits in {@link WIDTH} columns kept
 * on one line (so `{"#bigint": "5"}` and short queues do not take a line per token).
 */
import type { Json } from './itfValue.ts';

/** Column limit for keeping a value on one line. */
const WIDTH = 100;

/** `value` as text: the same value always gives the same bytes. */
export function jsonText(value: Json): string {
  return `${block(value, '', 0)}\n`;
}

/** The one-line form: `[1, 2]`, `{"a": 1}`. */
function inline(v: Json): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (isList(v)) return `[${v.map(inline).join(', ')}]`;
  const entries = Object.entries(v);
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')}}`;
}

/** `v` printed at `indent`, where `used` columns of its first line are already taken. */
function block(v: Json, indent: string, used: number): string {
  const one = inline(v);
  if (v === null || typeof v !== 'object' || indent.length + used + one.length <= WIDTH) return one;
  const inner = `${indent}  `;
  if (isList(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => `${inner}${block(x, inner, 0)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, x]) => {
    const key = `${JSON.stringify(k)}: `;
    return `${inner}${key}${block(x, inner, key.length)}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

function isList(v: Json): v is readonly Json[] {
  return Array.isArray(v);
}
