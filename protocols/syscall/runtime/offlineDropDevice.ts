/**
 * N11 as a device: the reference controller behind a bus filter that acknowledges and drops every
 * IPC_SEND whose target process is offline (the published TAIC behaviour for a receiver without a
 * hart, research/ats-intc.md §2.6). Everything else, `abs()` included, is the reference's.
 */

import type { ControllerDevice } from '../../controller/designs/device.ts';
import { ReferenceDevice } from '../../controller/designs/reference/referenceDevice.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { OFFSET, PAGE_SIZE } from '../../controller/model/registers.ts';
import { ACK, type Observation } from '../../controller/model/result.ts';
import type { ControllerState } from '../../controller/model/state.ts';

export class OfflineDropDevice implements ControllerDevice {
  private readonly cfg: Config;
  private readonly inner: ReferenceDevice;

  constructor(cfg: Config) {
    this.cfg = cfg;
    this.inner = new ReferenceDevice(cfg);
  }

  read(addr: bigint): Observation {
    return this.inner.read(addr);
  }

  write(addr: bigint, data: bigint): Observation {
    const rel = addr - this.cfg.base;
    if (rel >= 0n && rel % PAGE_SIZE === BigInt(OFFSET.IPC_SEND)) {
      const target = Number(data & 0xffff_ffffn);
      if (target < this.cfg.processes && this.inner.abs().online[target] === false) return ACK;
    }
    return this.inner.write(addr, data);
  }

  irq(line: number): Observation {
    return this.inner.irq(line);
  }

  abs(): ControllerState {
    return this.inner.abs();
  }
}
