/**
 * Helpers of the Quint tests: a fresh folder for generated traces and modules, the reference
 * implementation, and the `quint test --out` report.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ControllerImpl } from '../../../protocols/controller/designs/device.ts';
import { findControllerImpl } from '../../../protocols/controller/designs/registry.ts';

/** A fresh temporary folder. */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'intcheck-quint-'));
}

/** The reference implementation from the registry. */
export function reference(): ControllerImpl {
  const impl = findControllerImpl('reference');
  if (impl === undefined) throw new Error('no reference implementation registered');
  return impl;
}

/** The names of the passed and failed tests in a `quint test --out FILE` report. */
export interface QuintTestReport {
  readonly passed: readonly string[];
  readonly failed: readonly string[];
}

/** Reads the report `quint test --out` wrote. */
export function readTestReport(file: string): QuintTestReport {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { passed?: unknown; failed?: unknown };
  const names = (x: unknown): string[] =>
    Array.isArray(x) ? x.filter((n): n is string => typeof n === 'string') : [];
  return { passed: names(json.passed), failed: names(json.failed) };
}
