/**
 * The finite set of events the syscall system enables in a state: exactly the events `step`
 * accepts (STATUS writes with data 0 and 1 only). An exhaustive explorer and the tests walk this
 * list; it is decided by the same named guards as `step`.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { SyscallEvent } from './events.ts';
import { layoutOf } from './layout.ts';
import type { SyscallState } from './state.ts';
import { step } from './step.ts';

/** Every event of a configuration that `step` could ever accept, built once. */
const CANDIDATES = new WeakMap<Config, readonly SyscallEvent[]>();

/** The candidate events of `cfg`: status writes, fetches, then agent by agent. */
export function candidateEvents(cfg: Config): readonly SyscallEvent[] {
  const hit = CANDIDATES.get(cfg);
  if (hit !== undefined) return hit;
  const out: SyscallEvent[] = [];
  const l = layoutOf(cfg);
  for (let p = 0; p < cfg.processes; p++) {
    out.push({ type: 'StatusWrite', p, data: 0n }, { type: 'StatusWrite', p, data: 1n });
  }
  for (let p = 0; p < cfg.processes; p++) out.push({ type: 'Fetch', p });
  l.agents.forEach((x, a) => {
    if (x.kind === 'caller') {
      for (const target of l.targets) out.push({ type: 'Call', a, target });
      out.push({ type: 'Publish', a }, { type: 'Signal', a }, { type: 'Read', a });
    } else {
      if (x.kind === 'service') out.push({ type: 'Take', a }, { type: 'Complete', a }, { type: 'Reply', a });
      else out.push({ type: 'Wake', a });
      out.push({ type: 'Park', a }, { type: 'Return', a });
    }
  });
  const frozen = Object.freeze(out.map((e) => Object.freeze(e)));
  CANDIDATES.set(cfg, frozen);
  return frozen;
}

/** The events `step` accepts in `s`, in the fixed order of {@link candidateEvents}. */
export function enabled(cfg: Config, s: SyscallState): SyscallEvent[] {
  return candidateEvents(cfg).filter((e) => step(cfg, s, e).kind === 'accepted');
}
