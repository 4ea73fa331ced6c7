/**
 * A finding of a controller design on a protocol of the family (controller, wakeup, syscall) as
 * the findings table hunts it (engine/kill/findingTarget.ts): storms with the finding's property
 * alone, through the same runs and result as `intcheck check --protocol P --impl DESIGN --property
 * ID` on one thread (the configuration restricted as that check restricts it), narrowed to the
 * finding's message where it gives one; and the explorer on the protocol's exploration preset of
 * that name (small by default) or the finding's configuration file, with the same narrowing.
 */
import { explorePreset } from '../../engine/explore/explorePresets.ts';
import { type FindingTarget, shortestOf } from '../../engine/kill/findingTarget.ts';
import type { KillBudget } from '../../engine/kill/killAdapter.ts';
import { budgetRuns, type Failed, stormHunt } from '../../engine/kill/stormHunt.ts';
import type { Violation } from '../../engine/property.ts';
import { assertNever } from '../../model/assertNever.ts';
import { UsageError } from '../../model/badInput.ts';
import { type Finding, isFinding } from '../../model/finding.ts';
import type { ControllerImpl } from '../controller/designs/device.ts';
import { assertExpressible, supportedConfig } from '../controller/designs/supportedConfig.ts';
import { controllerResult, controllerRuns } from '../controller/engine/checkController.ts';
import { type Config, PRESETS } from '../controller/model/config/config.ts';
import { loadConfig } from '../controller/model/config/loadConfig.ts';
import { resolveConfigs } from '../controller/model/config/resolveConfigs.ts';
import { syscallResult, syscallRuns } from '../syscall/engine/checkSyscall.ts';
import { syscallConfigError } from '../syscall/model/layout.ts';
import { wakeupResult, wakeupRuns } from '../wakeup/engine/checkWakeup.ts';
import type { FamilyProtocol } from './controllerFamily.ts';
import { exploreProtocol } from './exploreProtocol.ts';

/** `f` as a target of `protocol`, its design looked up with `find` (the protocol's implementations). */
export function familyFindingTarget(
  protocol: FamilyProtocol,
  find: (name: string) => ControllerImpl | undefined,
  f: Finding,
): FindingTarget {
  const impl = find(f.design);
  if (impl === undefined)
    throw new UsageError(`${protocol}: no implementation "${f.design}" (a finding's design)`);
  const run = f.run ?? {};
  if (run.drain !== undefined || run.scenario !== undefined)
    throw new UsageError(
      `${protocol}: a finding of ${f.design} names a drain or a scenario, which ${protocol} has not`,
    );
  if (run.profile !== undefined && protocol !== 'controller')
    throw new UsageError(
      `${protocol}: storm profiles are for the controller protocol (a finding of ${f.design})`,
    );
  const named = run.config === undefined ? { preset: run.preset ?? 'small' } : { config: run.config };
  const [checked] = resolveConfigs(named);
  if (checked === undefined) throw new Error('resolveConfigs: no configuration');
  const accept = (v: Violation) => isFinding(f, v);
  const options = {
    impl,
    properties: [f.property],
    accept,
    ...(run.profile === undefined ? {} : { profile: run.profile }),
  };
  return {
    hunt: (b) => familyHunt(protocol, { ...options, cfg: checked.cfg }, b),
    shortest: (maxStates) => {
      const cfg = exploreConfig(protocol, run);
      const r = exploreProtocol({ protocol, ...options, cfg: supportedConfig(cfg, impl), maxStates });
      return shortestOf(r.kind, r.kind === 'violation' ? r.reproduction.run.steps : r.distinct, maxStates);
    },
  };
}

/** The options of one finding's hunt (before the budget's runs). */
interface HuntOptions {
  readonly cfg: Config;
  readonly impl: ControllerImpl;
  readonly properties: readonly string[];
  readonly accept: (v: Violation) => boolean;
  readonly profile?: string;
}

/** A check's result as a hunt reads it: the failing run's properties and steps. */
type Checked =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly failure: { readonly violations: readonly Violation[]; readonly steps: number };
    };

/** Storms of `protocol` within `b`, configured as its check configures them. */
function familyHunt(protocol: FamilyProtocol, o: HuntOptions, b: KillBudget) {
  const failed = (r: Checked): Failed | null =>
    r.ok ? null : { violated: r.failure.violations.map((v) => v.property), length: r.failure.steps };
  switch (protocol) {
    case 'controller': {
      const c = { ...o, cfg: supportedConfig(o.cfg, o.impl), ...budgetRuns(b) };
      return stormHunt(controllerRuns(c), (outcome) => failed(controllerResult(c, outcome)), b.now);
    }
    case 'wakeup': {
      const c = { ...o, ...budgetRuns(b) };
      return stormHunt(wakeupRuns(c), (outcome) => failed(wakeupResult(c, outcome)), b.now);
    }
    case 'syscall': {
      const wrong = syscallConfigError(o.cfg);
      if (wrong !== null) throw new UsageError(`syscall: ${wrong}`);
      assertExpressible(o.cfg, o.impl);
      const c = { ...o, ...budgetRuns(b) };
      return stormHunt(syscallRuns(c), (outcome) => failed(syscallResult(c, outcome)), b.now);
    }
    default:
      return assertNever(protocol);
  }
}

/** The configuration a finding is explored on: its file, or the exploration preset of its preset's name. */
function exploreConfig(protocol: FamilyProtocol, run: NonNullable<Finding['run']>): Config {
  if (run.config !== undefined) return loadConfig(run.config);
  const name = run.preset ?? 'small';
  const cfg = explorePreset(protocol, name) ?? (name === 'published' ? PRESETS.published : undefined);
  if (cfg === undefined) throw new UsageError(`${protocol}: no exploration preset "${name}"`);
  return cfg;
}
