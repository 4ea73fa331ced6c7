/**
 * The reference-model role of the DUT testbench: what a conforming design replies, step by step
 * from reset. By default the reference model itself (spec/controller.md); with `conform --against
 * NAME`, any implementation of the registry, run as a device beside the DUT (its states are its
 * `abs()`). The configuration is the one the predictor supports (device.ts `DesignSupport`), so the
 * DUT is reset to exactly what the predictor models.
 */
import type { ControllerDevice, ControllerImpl } from '../../protocols/controller/designs/device.ts';
import { decodeFor, drive } from '../../protocols/controller/designs/drive.ts';
import { findControllerImpl } from '../../protocols/controller/designs/registry.ts';
import { supportedConfig } from '../../protocols/controller/designs/supportedConfig.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import type { JudgedOp } from '../../protocols/controller/model/decode.ts';
import type { Observation } from '../../protocols/controller/model/result.ts';
import { type ControllerState, initialState } from '../../protocols/controller/model/state.ts';
import { step } from '../../protocols/controller/model/step.ts';
import type { DutAccess } from './process/requestLine.ts';

/** The name of the default predictor. */
export const REFERENCE = 'reference';

/** Who predicts the replies, on which configuration. */
export interface DutPredictor {
  /** `reference`, or the registry name of the implementation. */
  readonly name: string;
  /** The configuration of every run (sent in `reset`): the requested one, restricted to what the predictor supports. */
  readonly cfg: Config;
  /** The implementation run as a device; undefined for the reference model. */
  readonly impl: ControllerImpl | undefined;
}

/** A predictor that is an implementation of the registry, run as a device. */
export type ImplPredictor = DutPredictor & { readonly impl: ControllerImpl };

/** One predicted step: the reply a conforming design gives, the state after it, the error bits it raised. */
export interface Prediction {
  readonly obs: Observation;
  readonly state: ControllerState;
  readonly raised: number;
}

/** The predictions of one run, from reset, one access at a time. */
export interface RunPrediction {
  readonly initial: ControllerState;
  next(access: DutAccess): Prediction;
}

/** The predictor `name` (`reference` or a registered implementation) on `cfg`; undefined for an unknown name. */
export function dutPredictor(name: string, cfg: Config): DutPredictor | undefined {
  if (name === REFERENCE) return { name, cfg, impl: undefined };
  const impl = findControllerImpl(name);
  return impl === undefined ? undefined : { name, cfg: supportedConfig(cfg, impl), impl };
}

/** The reference model on `cfg`. */
export function referencePredictor(cfg: Config): DutPredictor {
  return { name: REFERENCE, cfg, impl: undefined };
}

/** What `access` does in the predictor's abstract terms (its own decoding, or the reference's). */
export function operationOf(p: DutPredictor, access: DutAccess): JudgedOp {
  return decodeFor(p.impl, p.cfg, access);
}

/** A fresh run of `p` at reset. */
export function predictRun(p: DutPredictor): RunPrediction {
  return p.impl === undefined ? new ModelRun(p.cfg) : new DeviceRun(p.cfg, p.impl.create(p.cfg));
}

class ModelRun implements RunPrediction {
  readonly initial: ControllerState;
  private state: ControllerState;
  constructor(private readonly cfg: Config) {
    this.initial = initialState(cfg);
    this.state = this.initial;
  }
  next(access: DutAccess): Prediction {
    const r = step(this.cfg, this.state, access);
    this.state = r.state;
    let raised = 0;
    for (const eff of r.effects) if (eff.kind === 'ErrorRaised') raised |= eff.bits;
    return { obs: r.obs, state: r.state, raised };
  }
}

class DeviceRun implements RunPrediction {
  readonly initial: ControllerState;
  private state: ControllerState;
  constructor(
    private readonly cfg: Config,
    private readonly device: ControllerDevice,
  ) {
    this.initial = device.abs();
    this.state = this.initial;
  }
  next(access: DutAccess): Prediction {
    // The reference map's driver passes a register-level access through unchanged.
    const obs = drive(this.cfg, this.device, access);
    const before = this.state.error;
    this.state = this.device.abs();
    return { obs, state: this.state, raised: this.state.error & ~before };
  }
}
