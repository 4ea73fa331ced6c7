/**
 * A count as `n.toLocaleString('en-US')` writes it (digits grouped by three with commas), without
 * calling it for an integer: a process's first `toLocaleString` loads ICU's number formats, 13–20
 * ms of a command's run on this machine (2026-12-07), paid by every `explore`, `check` and
 * `conform` that prints a count. Anything but a safe integer (a fraction, -0, infinity) is still
 * handed to `toLocaleString`, so the text is the same for every number.
 */
export function thousands(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
