/**
 * A thread running `code` (a CommonJS script, `eval: true`) with `workerData`, as a promise of the
 * first message it posts (the thread is then terminated): the shared-memory tests' racing threads.
 */
import { Worker } from 'node:worker_threads';

/** The first message of a thread running `code` with `workerData` (rejected on its error). */
export function evalWorker<T>(code: string, workerData: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData });
    w.once('message', (m: T) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/** The URL of compiled module `path` (under the compiled root the test setup builds), for a thread to import. */
export function compiledModule(path: string): string {
  const root = process.env.INTCHECK_COMPILED_ROOT;
  if (root === undefined)
    throw new Error('compiledModule: INTCHECK_COMPILED_ROOT is not set (the test setup sets it)');
  return new URL(path, `${root}/`).href;
}
