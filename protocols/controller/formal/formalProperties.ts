/**
 * The properties the formal checker (hw/formal/intc_checker.sv) asserts, by their §6 ids, in
 * the order a report lists them. An assertion's name is its property's id, optionally a part
 * (`noLostWakeup_edges_A`), and `_A`; the flow runs one property (all of its parts) per solver
 * call.
 */
export const FORMAL_PROPERTIES = [
  'strictPriority',
  'fifoWithinPriority',
  'taskConservation',
  'processIsolation',
  'emptyMeansEmpty',
  'capacityBound',
  'errorReporting',
  'neverStalls',
  'noLostWakeup',
  'noSpuriousWakeup',
  'fifoWaiters',
  'wakePriority',
] as const;

export type FormalProperty = (typeof FORMAL_PROPERTIES)[number];

/** The property of an assertion named as yosys-smtbmc prints it (`u_chk.noLostWakeup_edges_A`). */
export function propertyOfAssertion(name: string): FormalProperty | undefined {
  const base = name.slice(name.lastIndexOf('.') + 1);
  const id = base.split('_')[0] ?? '';
  return FORMAL_PROPERTIES.find((p) => p === id);
}
