/**
 * What the statecharts of the systems over the controller (wakeup, syscall) share around their
 * own guards and actions: the machine's context (configuration, state, last accepted step, count
 * of accepted events), `ev` (the event as the type its transition names), `on` (a guard of one
 * event type) and `update` (an action of one event type as an XState `assign` that records the
 * accepted step). Each system's machineLogic.ts builds its kit with `machineKit(name)`.
 */
import { type ActionFunction, assign } from 'xstate';
import type { Config } from '../protocols/controller/model/config/config.ts';

/** A machine's context: the configuration, the state, and its bookkeeping of accepted steps. */
export type StepMachineContext<S, Acc> = {
  readonly cfg: Config;
  readonly state: S;
  /** The last accepted step (null before the first): its access, observation and effects. */
  readonly last: Acc | null;
  /** How many events the machine accepted; a rejected event (no transition taken) leaves it unchanged. */
  readonly accepted: number;
};

/** The machine's action type (an `assign` of the context). */
export type StepMachineAction<S, E extends { readonly type: string }, Acc> = ActionFunction<
  StepMachineContext<S, Acc>,
  E,
  E,
  undefined,
  never,
  never,
  never,
  never,
  never
>;

/** The helpers of a machine whose events are `E`, states `S` and accepted steps `Acc`. */
export function machineKit<S, E extends { readonly type: string }, Acc extends { readonly state: S }>(
  name: string,
) {
  type Ctx = StepMachineContext<S, Acc>;
  type Of<K extends E['type']> = Extract<E, { type: K }>;
  /** `event`, which the transition being taken says is of type `type`. */
  const ev = <K extends E['type']>(event: E, type: K): Of<K> => {
    if (event.type === type) return event as Of<K>;
    throw new Error(`${name} machine: got ${event.type}, expected ${type}`);
  };
  /** A guard of guards.ts on one event type. */
  const on =
    <K extends E['type']>(type: K, g: (cfg: Config, s: S, e: Of<K>) => boolean) =>
    ({ context, event }: { readonly context: Ctx; readonly event: E }) =>
      event.type === type && g(context.cfg, context.state, ev(event, type));
  /** An action of actions.ts on one event type, as an XState `assign` of the context. */
  const update = <K extends E['type']>(
    type: K,
    f: (cfg: Config, s: S, e: Of<K>) => Acc,
  ): StepMachineAction<S, E, Acc> =>
    assign<Ctx, E, undefined, E, never>(({ context, event }) => {
      const r = f(context.cfg, context.state, ev(event, type));
      return { state: r.state, last: r, accepted: context.accepted + 1 };
    });
  return { ev, on, update };
}
