/**
 * Configuration files, for every protocol's loader: reading and parsing one, and the one error a
 * bad configuration causes (a line naming the file and the field).
 */
import { readFileSync } from 'node:fs';
import { BadInput } from './badInput.ts';

/** A configuration that failed validation; the message names the field and what is wrong. */
export class ConfigError extends BadInput {
  override readonly name: string = 'ConfigError';
}

/**
 * The parsed JSON of the configuration file at `path`, for every protocol's loader: a file that
 * cannot be read or is not JSON is a one-line {@link ConfigError} naming the file.
 */
export function readConfigJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(
      `configuration file ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError(`configuration file ${path}: not valid JSON`);
  }
}
