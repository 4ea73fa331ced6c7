/**
 * The arbitraries of one UIPI configuration's indices and single events, shared by the storm's
 * chunks (uipiStorm.ts, uipiKernelStorm.ts), and a storm as a list of weighted chunks.
 */
import fc from 'fast-check';
import { isSkyloft, type UipiConfig } from '../model/config.ts';
import type { ReceiverStepType, UipiEvent } from '../model/events.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR, TIMER_VECTOR } from '../model/state.ts';

/** The arbitraries of one configuration's indices and events. */
export function parts(cfg: UipiConfig) {
  const sender = fc.nat(cfg.senders - 1);
  const index = fc.nat(cfg.uittSize - 1);
  const receiver = fc.nat(cfg.receivers - 1);
  const cpu = fc.nat(cfg.cpus - 1);
  const vector = isSkyloft(cfg)
    ? fc.constantFrom(TIMER_VECTOR, NOTIFICATION_VECTOR, KERNEL_VECTOR)
    : fc.constantFrom(NOTIFICATION_VECTOR, KERNEL_VECTOR);
  const send = fc.record({ type: fc.constant('Send' as const), sender, index });
  const sendIpi = fc.record({ type: fc.constant('SendIpi' as const), sender });
  const arrive = fc.record({ type: fc.constant('IpiArrive' as const), cpu, vector });
  const accept = fc.record({ type: fc.constant('Accept' as const), cpu, vector });
  const drain = fc.record({ type: fc.constant('NotifyDrain' as const), cpu });
  const rs = (type: ReceiverStepType) => fc.record({ type: fc.constant(type), receiver });
  return { sender, index, receiver, cpu, vector, send, sendIpi, arrive, accept, drain, rs };
}

/** A storm of at most `maxEvents` events: chunks drawn from `chunks` by weight, concatenated. */
export function stormOf(
  chunks: readonly { readonly weight: number; readonly arbitrary: fc.Arbitrary<UipiEvent[]> }[],
  maxEvents: number,
): fc.Arbitrary<UipiEvent[]> {
  const max = Math.max(0, maxEvents);
  return fc.array(fc.oneof(...chunks), { maxLength: max, size: 'max' }).map((cs) => cs.flat().slice(0, max));
}
