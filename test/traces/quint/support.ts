/**
 * Helpers of the Quint tests: a fresh folder for generated traces and modules, the reference
 * implementation, and the `quint test --out` report.
 */
import { readFileSync } from 'node:fs';
import type { ControllerImpl } from '../../../protocols/controller/designs/device.ts';
import { findControllerImpl } from '../../../protocols/controller/designs/registry.ts';
import { runController } from '../../../protocols/controller/engine/runController.ts';
import { SMALL } from '../../../protocols/controller/model/config/config.ts';
import { matchControllerStates } from '../../../protocols/controller/replay/matchControllerStates.ts';
import { replayControllerTrace } from '../../../protocols/controller/replay/replayControllerTrace.ts';
import { readControllerTrace } from '../../../protocols/controller/trace/readControllerTrace.ts';
import { protocolOfTrace } from '../../../protocols/readTrace.ts';
import { runWakeup } from '../../../protocols/wakeup/engine/runWakeup.ts';
import { matchWakeupStates } from '../../../protocols/wakeup/replay/matchWakeupStates.ts';
import { replayWakeupTrace } from '../../../protocols/wakeup/replay/replayWakeupTrace.ts';
import { readWakeupTrace } from '../../../protocols/wakeup/trace/readWakeupTrace.ts';
import type { StateMismatch } from '../../../replay/compareStates.ts';
import { parseItf } from '../../../traces/itfTrace.ts';
import { tempDir } from '../../support/tempDir.ts';

/** A fresh temporary folder. */
export function scratch(): string {
  return tempDir('quint');
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

/** A trace checked state by state (`replay --match-states`) on the reference and on the model alone. */
export interface CrossChecked {
  readonly protocol: string;
  readonly events: number;
  /** Whether the replay on the reference passes. */
  readonly ok: boolean;
  /** The first recorded state that differs from the reference's replay, or null. */
  readonly reference: StateMismatch | null;
  /** The first recorded state that differs from the model's run, or null. */
  readonly model: StateMismatch | null;
}

/** Trace text of the controller or the wakeup system (a Quint one names no protocol), read with the small configuration. */
export function crossCheck(text: string, file: string): CrossChecked {
  const itf = parseItf(text, file);
  const protocol = protocolOfTrace(itf).name;
  if (protocol === 'wakeup') {
    const parsed = readWakeupTrace(itf, SMALL);
    const onRef = replayWakeupTrace(parsed, reference());
    const onModel = {
      ...runWakeup(SMALL, undefined, parsed.events),
      protocol,
      implementation: 'model',
    } as const;
    return {
      protocol,
      events: parsed.events.length,
      ok: onRef.ok,
      reference: matchWakeupStates(parsed, onRef),
      model: matchWakeupStates(parsed, onModel),
    };
  }
  if (protocol !== 'controller') throw new Error(`${file}: Quint has no ${protocol} specification`);
  const parsed = readControllerTrace(itf, SMALL);
  const onRef = replayControllerTrace(parsed, reference());
  const onModel = {
    ...runController(SMALL, undefined, parsed.events),
    protocol,
    implementation: 'model',
  } as const;
  return {
    protocol,
    events: parsed.events.length,
    ok: onRef.ok,
    reference: matchControllerStates(parsed, onRef),
    model: matchControllerStates(parsed, onModel),
  };
}
