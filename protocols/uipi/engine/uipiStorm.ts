/**
 * fast-check arbitraries of UIPI storms: lists of UIPI events built from chunks (shrinking
 * removes whole chunks first, then shortens them). Like the wakeup storms, events are generated
 * independently of the state — plain data any implementation replays; an event the state does
 * not enable is rejected by model and implementation alike. Chunk shapes make dense, usually
 * enabled sequences: SENDUIPI bursts from several senders on few slots (so vectors coalesce, the
 * small preset has 3 vectors), a notification's whole path, context switches in the middle of
 * notification processing, CLUI/STUI toggles, uintr_wait with sends and the kernel-vector wake,
 * sender revocation and re-registration, (Skyloft) timer ticks with their handler, and the kernel
 * chunks (uipiKernelStorm.ts: kernel entry and exit without a switch, switches with their exit,
 * uintr_wait with enlist and re-check, another receiver on an idle CPU, each merged with
 * notifications). Since the kernel chunks joined, seeded storms differ from the ones the README's
 * kill matrix was measured with.
 */
import fc from 'fast-check';
import { isSkyloft, type UipiConfig } from '../model/config.ts';
import { RECEIVER_STEP_TYPES, type ReceiverStepType, type UipiEvent } from '../model/events.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR, TIMER_VECTOR } from '../model/state.ts';
import { kernelChunks } from './uipiKernelStorm.ts';
import { parts, stormOf } from './uipiStormParts.ts';

export interface UipiStormOptions {
  /** Longest storm in events (default 80). */
  readonly maxEvents?: number;
}

/** One event of any type. */
function single(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  const events: fc.Arbitrary<UipiEvent>[] = [
    p.send,
    p.sendIpi,
    p.arrive,
    p.accept,
    p.drain,
    fc.record({ type: fc.constant('SwitchInRestore' as const), receiver: p.receiver, cpu: p.cpu }),
    fc.record({
      type: fc.constantFrom('Register' as const, 'Revoke' as const),
      sender: p.sender,
      index: p.index,
    }),
    fc.record({
      type: fc.constantFrom<ReceiverStepType>(...RECEIVER_STEP_TYPES),
      receiver: p.receiver,
    }),
  ];
  events.push(fc.record({ type: fc.constant('RunOther' as const), cpu: p.cpu }));
  if (isSkyloft(cfg)) events.push(fc.record({ type: fc.constant('TimerTick' as const), cpu: p.cpu }));
  return fc.oneof(...events).map((e) => [e]);
}

/** A burst of SENDUIPIs from several senders, each followed (or not) by its notification leaving. */
function burst(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  return fc
    .array(fc.tuple(p.send, fc.boolean()), { minLength: 2, maxLength: 6 })
    .map((xs) =>
      xs.flatMap(([s, go]): UipiEvent[] => (go ? [s, { type: 'SendIpi', sender: s.sender }] : [s])),
    );
}

/** A notification's whole path on one CPU: arrival, identification, drain, delivery, handler, UIRET. */
function notifyPath(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  return fc.tuple(p.send, p.cpu, p.receiver, fc.boolean()).map(([s, cpu, receiver, ret]) => {
    const v = isSkyloft(cfg) ? TIMER_VECTOR : NOTIFICATION_VECTOR;
    const head: UipiEvent[] = isSkyloft(cfg)
      ? [{ type: 'TimerTick', cpu }]
      : [s, { type: 'SendIpi', sender: s.sender }, { type: 'IpiArrive', cpu, vector: v }];
    const tail: UipiEvent[] = [
      { type: 'Accept', cpu, vector: v },
      { type: 'NotifyDrain', cpu },
      { type: 'Deliver', receiver },
      { type: 'HandlerBody', receiver },
    ];
    return ret ? [...head, ...tail, { type: 'Uiret', receiver }] : [...head, ...tail];
  });
}

/** A context switch out and back in (possibly to another CPU), with sends and processing interleaved. */
function switchMid(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  return fc
    .tuple(
      p.receiver,
      p.cpu,
      fc.array(fc.oneof(p.send, p.sendIpi, p.arrive, p.accept, p.drain), { maxLength: 4 }),
      fc.nat(5),
    )
    .map(([receiver, cpu, noise, at]) => {
      const path: UipiEvent[] = [
        { type: 'SwitchOutSn', receiver },
        { type: 'SwitchOutSave', receiver },
        { type: 'SwitchInRestore', receiver, cpu },
        { type: 'SwitchInClearSn', receiver },
        { type: 'SwitchInCheckPir', receiver },
      ];
      return [...path.slice(0, at), ...noise, ...path.slice(at)];
    });
}

/** CLUI, some sends and deliveries, STUI. */
function maskToggle(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  return fc
    .tuple(
      p.receiver,
      fc.array(fc.oneof(p.send, p.sendIpi, p.arrive, p.accept, p.drain, p.rs('Deliver')), { maxLength: 4 }),
    )
    .map(([receiver, mid]) => [{ type: 'Clui', receiver }, ...mid, { type: 'Stui', receiver }]);
}

/** uintr_wait with sends around it and the kernel-vector wake. */
function waitWake(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  return fc.tuple(p.receiver, p.cpu, p.send, fc.nat(3)).map(([receiver, cpu, s, at]) => {
    const path: UipiEvent[] = [
      { type: 'WaitSwitchNv', receiver },
      { type: 'WaitRecheck', receiver },
      { type: 'WaitSleep', receiver },
    ];
    const send: UipiEvent[] = [s, { type: 'SendIpi', sender: s.sender }];
    const wake: UipiEvent[] = [
      { type: 'IpiArrive', cpu, vector: KERNEL_VECTOR },
      { type: 'Accept', cpu, vector: KERNEL_VECTOR },
      { type: 'WakeRestoreNv', receiver },
    ];
    return [...path.slice(0, at), ...send, ...path.slice(at), ...wake];
  });
}

/** Revocation of a slot, a send on it (#GP), re-registration. */
function revoke(cfg: UipiConfig): fc.Arbitrary<UipiEvent[]> {
  const p = parts(cfg);
  return fc
    .tuple(p.sender, p.index, fc.boolean())
    .map(([sender, index, again]): UipiEvent[] => [
      { type: 'Revoke', sender, index },
      { type: 'Send', sender, index },
      ...(again ? [{ type: 'Register' as const, sender, index }] : []),
    ]);
}

/** A UIPI storm of at most `maxEvents` events. */
export function uipiStorm(cfg: UipiConfig, opts: UipiStormOptions = {}): fc.Arbitrary<UipiEvent[]> {
  return stormOf(
    [
      { weight: 5, arbitrary: single(cfg) },
      { weight: 3, arbitrary: burst(cfg) },
      { weight: 4, arbitrary: notifyPath(cfg) },
      { weight: 3, arbitrary: switchMid(cfg) },
      { weight: 2, arbitrary: maskToggle(cfg) },
      { weight: 2, arbitrary: waitWake(cfg) },
      { weight: 1, arbitrary: revoke(cfg) },
      ...kernelChunks(cfg),
    ],
    opts.maxEvents ?? 80,
  );
}
