/**
 * The timeline of a replayed trace: the header facts from the file's `#meta`, the run as replay
 * judged it (each protocol through its lane adapter), and the failure with its explanation and,
 * for the controller, expected (model) beside actual (implementation). A protocol joins by adding
 * a case here that hands its recorded run to {@link timelineOf} with its adapter (UIPI: its own
 * configuration, lanes per CPU, receiver and sender).
 */

import type { DescribeProperty, Violation } from '../../engine/property.ts';
import type { ControllerImpl } from '../../protocols/controller/designs/device.ts';
import type { RunResult } from '../../protocols/controller/engine/runController.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import { changedCells, formatObservation } from '../../protocols/controller/model/stateCells.ts';
import { CONTROLLER_LANES } from '../../protocols/controller/pictures/controllerLanes.ts';
import { syscallTimeline } from '../../protocols/syscall/pictures/syscallTimeline.ts';
import type { UipiRunResult } from '../../protocols/uipi/engine/runUipi.ts';
import type { UipiConfig } from '../../protocols/uipi/model/config.ts';
import { UIPI_LANES } from '../../protocols/uipi/pictures/uipiLanes.ts';
import { explainWakeup } from '../../protocols/wakeup/engine/explainWakeup.ts';
import type { WakeupRunResult } from '../../protocols/wakeup/engine/runWakeup.ts';
import { WAKEUP_LANES } from '../../protocols/wakeup/pictures/wakeupLanes.ts';
import type { ReplayResult } from '../../replay/replay.ts';
import type { ParsedTrace } from '../../traces/readTrace.ts';
import type { Timeline } from './timeline.ts';
import { timelineOf } from './timelineOf.ts';

/** The timeline of `parsed` replayed as `result` against `impl`. */
export function replayTimeline(
  parsed: ParsedTrace,
  result: ReplayResult,
  impl: ControllerImpl | undefined,
  describe: DescribeProperty,
): Timeline {
  if (parsed.protocol === 'syscall' || result.protocol === 'syscall')
    return syscallTimeline(parsed, result, traceFacts(parsed, result.implementation));
  const facts = traceFacts(parsed, result.implementation);
  const title = `${parsed.protocol} trace ${parsed.file}`;
  switch (result.protocol) {
    case 'controller':
      if (parsed.protocol === 'uipi')
        throw new Error('replayTimeline: a UIPI trace replayed as a controller run');
      return controllerTimeline(parsed.config, title, facts, result, describe, parsed.meta.property);
    case 'uipi':
      if (parsed.protocol !== 'uipi') throw new Error('replayTimeline: a UIPI run of a non-UIPI trace');
      return uipiTimeline(parsed.config, title, facts, result, describe);
    case 'wakeup':
      if (parsed.protocol === 'uipi' || impl === undefined)
        throw new Error('replayTimeline: a wakeup run needs its trace and controller implementation');
      return wakeupTimeline(
        parsed.config,
        title,
        facts,
        result,
        impl,
        parsed.protocol === 'wakeup' ? parsed.events : [],
        parsed.meta.property,
      );
  }
}

/**
 * The violation a timeline shows, and the others of its step: the trace's own property when it
 * fails at that step (a saved trace is about it, though another may come first in registry
 * order), else the first.
 */
function shownFailure(
  first: Violation,
  violations: readonly Violation[],
  recorded: string | undefined,
): { readonly shown: Violation; readonly others: readonly string[] } {
  const shown = violations.find((x) => x.property === recorded) ?? first;
  const others = violations.filter((x) => x !== shown).map((x) => `also fails: ${x.property}: ${x.message}`);
  return { shown, others };
}

/** What the header shows about the trace file. */
function traceFacts(parsed: ParsedTrace, implementation: string): [string, string][] {
  const m = parsed.meta;
  const facts: [string, string][] = [
    ['file', parsed.file],
    ['protocol', parsed.protocol],
    ['replayed on', implementation],
    ['events', String(parsed.events.length)],
  ];
  if (m.property !== undefined) {
    const at = m.failingStep === undefined ? '' : ` at step ${m.failingStep}`;
    facts.push(['recorded failure', `${m.property}${at}${m.message === undefined ? '' : `: ${m.message}`}`]);
  }
  if (m.note !== undefined) facts.push(['note', m.note]);
  if (m.seed !== undefined) facts.push(['seed', `${m.seed}${m.path === undefined ? '' : ` path ${m.path}`}`]);
  return facts;
}

/** The rule a property states, as an explanation line. */
function ruleOf(property: string, describe: DescribeProperty): string[] {
  const p = describe(property);
  return p === undefined ? [] : [`rule (${p.spec}): ${p.description}`];
}

function controllerTimeline(
  cfg: Config,
  title: string,
  facts: readonly (readonly [string, string])[],
  result: RunResult & { readonly implementation: string },
  describe: DescribeProperty,
  recorded: string | undefined,
): Timeline {
  const steps = result.recorded.map((r, index) => ({
    index,
    event: r.event,
    state: r.state,
    outcome: formatObservation(r.obs),
    drain: false,
  }));
  const input = { cfg, title, facts, initial: result.initial, steps };
  if (result.ok) {
    const stopped = result.stopped === undefined ? '' : ` (the run stopped there: ${result.stopped})`;
    return timelineOf(CONTROLLER_LANES, {
      ...input,
      verdict: `passes on "${result.implementation}": ${result.steps} steps, no property fails${stopped}`,
    });
  }
  const { shown: v, others } = shownFailure(result.violation, result.violations, recorded);
  const r = result.failing;
  const expectedActual: [string, string, string][] = [];
  if (r.expected !== undefined) {
    const eo = formatObservation(r.expected.obs);
    const ao = formatObservation(r.obs);
    if (eo !== ao) expectedActual.push(['returned', eo, ao]);
    expectedActual.push(...changedCells(cfg, r.expected.state, r.state));
  }
  return timelineOf(CONTROLLER_LANES, {
    ...input,
    verdict: `still fails on "${result.implementation}": ${v.property} at step ${v.step}`,
    failure: {
      property: v.property,
      message: v.message,
      step: v.step,
      explanation: [...others, ...ruleOf(v.property, describe)],
      expectedActual,
    },
  });
}

function wakeupTimeline(
  cfg: Config,
  title: string,
  facts: readonly (readonly [string, string])[],
  result: WakeupRunResult & { readonly implementation: string },
  impl: ControllerImpl,
  events: Parameters<typeof explainWakeup>[2],
  recorded: string | undefined,
): Timeline {
  const steps = result.recorded.map((r) => ({
    index: r.index,
    event: r.event,
    state: r.state,
    outcome:
      r.outcome.kind === 'rejected'
        ? `rejected: ${r.outcome.reason}`
        : r.outcome.obs === null
          ? 'ack'
          : formatObservation(r.outcome.obs),
    drain: r.phase === 'drain',
  }));
  const input = { cfg, title, facts, initial: result.initial, steps };
  if (result.ok) {
    return timelineOf(WAKEUP_LANES, {
      ...input,
      verdict: `passes on "${result.implementation}": ${result.steps} steps (drain included), no property fails`,
    });
  }
  const { shown: v, others } = shownFailure(result.violation, result.violations, recorded);
  return timelineOf(WAKEUP_LANES, {
    ...input,
    verdict: `still fails on "${result.implementation}": ${v.property} at step ${v.step} (${result.phase})`,
    failure: {
      property: v.property,
      message: v.message,
      step: result.phase === 'quiescence' ? -1 : v.step,
      explanation: [...others, ...explainWakeup(cfg, impl, events, result)],
      expectedActual: [],
    },
  });
}

function uipiTimeline(
  cfg: UipiConfig,
  title: string,
  facts: readonly (readonly [string, string])[],
  result: UipiRunResult & { readonly implementation: string },
  describe: DescribeProperty,
): Timeline {
  const steps = result.recorded.map((r) => ({
    index: r.index,
    event: r.event,
    state: r.state,
    outcome: r.accepted ? 'done' : 'rejected: not possible in this state',
    drain: r.phase === 'drain',
  }));
  const input = { cfg, title, facts, initial: result.initial, steps };
  if (result.ok) {
    return timelineOf(UIPI_LANES, {
      ...input,
      verdict: `passes on "${result.implementation}": ${result.steps} steps (drain included), no property fails`,
    });
  }
  const v = result.violation;
  const others = result.violations.slice(1).map((x) => `also fails: ${x.property}: ${x.message}`);
  return timelineOf(UIPI_LANES, {
    ...input,
    verdict: `still fails on "${result.implementation}": ${v.property} at step ${v.step} (${result.phase})`,
    failure: {
      property: v.property,
      message: v.message,
      step: result.phase === 'quiescence' ? -1 : v.step,
      explanation: [...others, ...ruleOf(v.property, describe)],
      expectedActual: [],
    },
  });
}
