/** The opening lines of every replay report, whatever the protocol. */
import type { TraceHeader } from '../traces/itfTrace.ts';

/** The header lines every protocol's report starts with. */
export function formatReplayHeader(parsed: TraceHeader, implementation: string): string[] {
  const lines = [
    `replay of ${parsed.file}: ${parsed.protocol} on "${implementation}", ${count(parsed.events.length, 'event')}`,
  ];
  const m = parsed.meta;
  if (m.property !== undefined) {
    const at = m.failingStep === undefined ? '' : ` at step ${m.failingStep}`;
    lines.push(`recorded failure: ${m.property}${at}${m.message === undefined ? '' : `: ${m.message}`}`);
  }
  if (m.note !== undefined) lines.push(`note: ${m.note}`);
  return lines;
}

/** `1 step`, `3 steps`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
