/**
 * Where a command's output goes: standard output and standard error of the process, or, when the
 * command runs in-process (tests, the programmatic API), buffers of the caller's. Every command
 * writes through one, never through `console` or `process.stdout` directly.
 */
export interface Io {
  /** A line (or lines) of standard output; a newline is added. */
  out(text: string): void;
  /** A line (or lines) of standard error; a newline is added. */
  err(text: string): void;
  /** Text to standard output as it is (a diagram, a file's content). */
  write(text: string): void;
  /** Standard error is a terminal: progress lines may be drawn and erased on it. */
  readonly progressTty: boolean;
  /** Raw text to standard error (a progress line); only used when {@link progressTty}. */
  progress(text: string): void;
}

/** The process's own standard output and error. */
export function processIo(): Io {
  return {
    out: (text) => {
      process.stdout.write(`${text}\n`);
    },
    err: (text) => {
      process.stderr.write(`${text}\n`);
    },
    write: (text) => {
      process.stdout.write(text);
    },
    progressTty: process.stderr.isTTY === true,
    progress: (text) => {
      process.stderr.write(text);
    },
  };
}

/** What an in-process run wrote. */
export interface CapturedIo extends Io {
  /** Standard output as the process would have written it. */
  stdoutText(): string;
  stderrText(): string;
}

/** An Io that keeps everything it is given (no terminal: no progress lines). */
export function capturedIo(): CapturedIo {
  let out = '';
  let err = '';
  return {
    out: (text) => {
      out += `${text}\n`;
    },
    err: (text) => {
      err += `${text}\n`;
    },
    write: (text) => {
      out += text;
    },
    progressTty: false,
    progress: () => {},
    stdoutText: () => out,
    stderrText: () => err,
  };
}
