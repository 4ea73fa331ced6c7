/**
 * A failed wakeup check explained in a few lines of domain words, for the CLI to print under the
 * property's own message: the interrupts that woke nobody (and what each found), the waiters left
 * stranded at quiescence with the step each registered at, and the rule that was broken. Lost
 * interrupts are told from the recorded states alone: an interrupt on line d that neither removed
 * a waiter of d, nor raised irqPending[d], nor was refused at the bound with PENDING_OVERFLOW.
 */
import type { ControllerImpl } from '../../controller/designs/device.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { ERR } from '../../controller/model/registers.ts';
import { findProperty } from '../../registry.ts';
import type { SystemEvent } from '../model/events.ts';
import type { SystemState } from '../model/state.ts';
import { describeAccess, describeEvent, describeTask } from '../properties/words.ts';
import { runWakeup, type WakeupRecordedStep, type WakeupRunResult } from './runWakeup.ts';

type Failure = Extract<WakeupRunResult, { ok: false }>;

/** Interrupts and waiters shown at most, so that the explanation stays a few lines. */
const MAX_LOST = 3;
const MAX_STRANDED = 3;

/** An interrupt that woke nobody when it happened: its step, line, whether it was counted, and what it found. */
interface UnservedInterrupt {
  readonly step: number;
  readonly line: number;
  /** It raised irqPending (a registration may still take it); false: it was lost on the spot. */
  readonly counted: boolean;
  /** The waiters of its line when it happened, head first. */
  readonly found: readonly bigint[];
  readonly text: string;
}

/** `step 5 (drain)` or `step 5`. */
function at(r: WakeupRecordedStep): string {
  return r.phase === 'drain' ? `step ${r.index} (drain)` : `step ${r.index}`;
}

/** The tasks waiting for line d: in its blocked queue, or blocked on it in the task table. */
function waitersOf(s: SystemState, d: number): bigint[] {
  const out = (s.ctrl.irqWait[d] ?? []).map((w) => w.task);
  s.tasks.forEach((r, i) => {
    const t = BigInt(i + 1);
    if (r.life === 'blocked' && r.waitsOn === d && !out.includes(t)) out.push(t);
  });
  return out;
}

/**
 * The interrupts of `recorded` (up to step `last` included) that woke nobody when they happened
 * and were not refused at the pending bound with PENDING_OVERFLOW: counted, or lost on the spot.
 */
function unservedInterrupts(
  cfg: Config,
  initial: SystemState,
  recorded: readonly WakeupRecordedStep[],
  last: number,
): UnservedInterrupt[] {
  const out: UnservedInterrupt[] = [];
  let before = initial;
  for (const r of recorded) {
    if (r.index > last) break;
    const a = r.outcome.kind === 'accepted' ? r.outcome.access : null;
    if (a?.type === 'Irq') {
      const d = a.line;
      const waiting = before.ctrl.irqWait[d] ?? [];
      const was = before.ctrl.irqPending[d] ?? 0;
      const now = r.state.ctrl.irqPending[d] ?? 0;
      const woke = (r.state.ctrl.irqWait[d] ?? []).length < waiting.length;
      const overflow = was >= cfg.pendingMax && (r.state.ctrl.error & ERR.PENDING_OVERFLOW) !== 0;
      const counted = now > was;
      if (!woke && !overflow) {
        const found =
          waiting.length > 0
            ? `found ${waiting.map((w) => describeTask(before, w.task)).join(' and ')} waiting and woke nobody`
            : counted
              ? `found no waiter and was counted (irqPending[${d}] ${was} → ${now})`
              : `found no waiter and was not counted (irqPending[${d}] stayed ${now})`;
        out.push({
          step: r.index,
          line: d,
          counted,
          found: waiting.map((w) => w.task),
          text: `interrupt on line ${d} at ${at(r)} ${found}`,
        });
      }
    }
    before = r.state;
  }
  return out;
}

/** Where task `t` last registered for line d in `recorded` before step `before`: `at step 6 (drain)`, or start-up. */
function registeredAt(recorded: readonly WakeupRecordedStep[], t: bigint, d: number, before: number): string {
  for (let i = recorded.length - 1; i >= 0; i--) {
    const r = recorded[i];
    const a = r?.outcome.kind === 'accepted' ? r.outcome.access : null;
    if (r !== undefined && r.index < before && a?.type === 'IrqRegister' && a.task === t && a.device === d)
      return `at ${at(r)}`;
  }
  return 'at start-up';
}

/** The registration on line d after step `after` that no earlier interrupt of the story was owed to. */
function nextRegistration(
  recorded: readonly WakeupRecordedStep[],
  d: number,
  after: number,
  taken: Set<number>,
): { readonly task: bigint; readonly when: string } | undefined {
  for (const r of recorded) {
    const a = r.outcome.kind === 'accepted' ? r.outcome.access : null;
    if (r.index > after && a?.type === 'IrqRegister' && a.device === d && !taken.has(r.index)) {
      taken.add(r.index);
      return { task: a.task, when: `at ${at(r)}` };
    }
  }
  return undefined;
}

/**
 * Who the story's interrupts were owed to and never reached, from a run of the same storm through
 * the drain judged by noLostWakeupEventually alone (the failing run may have stopped at the lost
 * interrupt). An interrupt that found waiters was owed to the head; one that found none, to the
 * next registration on its line. Tasks blocked in the task table without a registration with the
 * controller, and pending counts left untaken, are named too.
 */
function stranded(
  cfg: Config,
  impl: ControllerImpl | undefined,
  storm: readonly SystemEvent[],
  failure: Failure,
  story: readonly UnservedInterrupt[],
): string[] {
  const run =
    failure.phase === 'quiescence'
      ? failure
      : runWakeup(cfg, impl, storm, { properties: ['noLostWakeupEventually'], record: true });
  const lines = [...new Set(story.map((u) => u.line))];
  if (run.ok)
    return [`the drain still wakes every waiter of line ${lines.join(' and ')}: no task is stranded`];
  const s = run.final;
  const out: string[] = [];
  const named = new Set<bigint>();
  const taken = new Set<number>();
  for (const u of story) {
    const head = u.found[0];
    const owed =
      head === undefined
        ? nextRegistration(run.recorded, u.line, u.step, taken)
        : { task: head, when: registeredAt(run.recorded, head, u.line, u.step) };
    if (owed === undefined || named.has(owed.task) || !waitersOf(s, u.line).includes(owed.task)) continue;
    named.add(owed.task);
    out.push(`${describeTask(s, owed.task)} registered for line ${u.line} ${owed.when} and is never woken`);
  }
  for (const d of lines) {
    for (const t of waitersOf(s, d)) {
      if (named.has(t) || (s.ctrl.irqWait[d] ?? []).some((w) => w.task === t)) continue;
      out.push(
        `${describeTask(s, t)} is blocked on line ${d}, but the controller holds no registration of it (it last registered ${registeredAt(run.recorded, t, d, run.steps)})`,
      );
    }
    const pending = s.ctrl.irqPending[d] ?? 0;
    if (pending > 0) out.push(`irqPending[${d}] = ${pending} is never taken`);
  }
  if (out.length === 0) return [run.violation.message];
  return out.length > MAX_STRANDED
    ? [...out.slice(0, MAX_STRANDED), `… and ${out.length - MAX_STRANDED} more`]
    : out;
}

/** The failing step in words: the system event and the controller access it performed. */
function failingStep(failure: Failure): string[] {
  const r = failure.failing;
  if (r === undefined) return [];
  const a = r.outcome.kind === 'accepted' ? r.outcome.access : null;
  const access = a === null ? '' : `, performing ${describeAccess(a)}`;
  return [`${at(r)}: ${describeEvent(r.event)}${access}`];
}

/** The interrupts a lost-wakeup failure is about (none when it is not one, or not about interrupts). */
function lostStory(cfg: Config, failure: Failure): UnservedInterrupt[] {
  const v = failure.violation;
  const unserved = unservedInterrupts(cfg, failure.initial, failure.recorded, v.step);
  if (v.property === 'noLostWakeup') {
    const r = failure.failing;
    const a = r?.outcome.kind === 'accepted' ? r.outcome.access : null;
    if (a?.type === 'Irq') return unserved.filter((u) => u.line === a.line && !u.counted);
    if (a?.type !== 'IrqRegister' || r === undefined) return [];
    // A registration that left a pending count beside a waiter: the counted interrupts it did not take.
    const pending = r.state.ctrl.irqPending[a.device] ?? 0;
    return pending > 0 ? unserved.filter((u) => u.line === a.device && u.counted).slice(-pending) : [];
  }
  if (v.property === 'noLostWakeupEventually') {
    const s = failure.final;
    return unserved.filter(
      (u) => waitersOf(s, u.line).length > 0 && (!u.counted || (s.ctrl.irqPending[u.line] ?? 0) > 0),
    );
  }
  return [];
}

/**
 * A few lines explaining `failure`, the recorded failing run of `storm` on `cfg` (the
 * configuration checked): for a lost wakeup, the interrupts that woke nobody and the waiters left
 * stranded; otherwise the failing step; then the broken rule with its spec section.
 */
export function explainWakeup(
  cfg: Config,
  impl: ControllerImpl | undefined,
  storm: readonly SystemEvent[],
  failure: Failure,
): string[] {
  const story = lostStory(cfg, failure);
  const lines: string[] = [];
  if (story.length > 0) {
    const shown = story.slice(-MAX_LOST);
    if (shown.length < story.length)
      lines.push(`… ${story.length - shown.length} earlier interrupts woke nobody`);
    lines.push(...shown.map((u) => u.text));
    lines.push(...stranded(cfg, impl, storm, failure, shown));
  } else {
    lines.push(...failingStep(failure));
  }
  const p = findProperty(failure.violation.property);
  if (p !== undefined) lines.push(`rule (${p.spec}): ${p.description}`);
  return lines;
}
