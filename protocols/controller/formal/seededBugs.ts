/**
 * The seeded bugs of hw/rtl as hw/sim/bugs.h lists them: number (intc_pkg::BUG_*), name,
 * whether only free inputs reach it (two inputs in one cycle, which the DUT protocol never
 * produces), and one sentence. The formal flow selects one by number through the harness's BUG
 * parameter.
 */
import { readFileSync } from 'node:fs';
import { BUGS_HEADER } from './hwFiles.ts';

export interface SeededBug {
  readonly id: number;
  readonly name: string;
  readonly formalOnly: boolean;
  readonly description: string;
}

const ENTRY = /\{\s*(\d+)\s*,\s*"([^"]+)"\s*,\s*(true|false)\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\}/g;
const FORMAL_ONLY = '[formal-only] ';

/** Parses the SEEDED_BUGS table of bugs.h (adjacent string literals are joined, as C does). */
export function parseBugsHeader(text: string): SeededBug[] {
  return [...text.matchAll(ENTRY)].map((m) => {
    const pieces = [...(m[4] ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((p) => p[1] ?? '');
    const sentence = pieces.join('');
    return {
      id: Number(m[1]),
      name: m[2] ?? '',
      formalOnly: m[3] === 'true',
      description: sentence.startsWith(FORMAL_ONLY) ? sentence.slice(FORMAL_ONLY.length) : sentence,
    };
  });
}

/** The seeded bugs of the RTL, in bugs.h's order. */
export function seededBugs(): SeededBug[] {
  return parseBugsHeader(readFileSync(BUGS_HEADER, 'utf8'));
}
