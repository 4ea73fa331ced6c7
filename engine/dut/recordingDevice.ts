/**
 * Recording the accesses made to a device (reads, writes, interrupt edges): run a software
 * runtime or a design's driver over the recording device, and the recorded accesses are what a
 * conforming DUT sees for that run. The log also notes the first access the device could not
 * complete (a stall, an abort, an undefined effect): the run ends there, and nothing after it is
 * stimulus. {@link RecordingDevice} forwards to another device; {@link recordingView} is a view
 * of the device itself that is still an instance of its class, for a design's driver that reads
 * its own device's state (TAIC's asks which queues it allocated).
 */
import type { ControllerDevice } from '../../protocols/controller/designs/device.ts';
import { endsRun, type Observation } from '../../protocols/controller/model/result.ts';
import type { DutAccess } from './process/requestLine.ts';

/** The accesses made to a device, in order, and where the run ended. */
export class AccessLog {
  readonly accesses: DutAccess[] = [];
  /** Index in {@link accesses} of the first access whose observation ends the run, if one did. */
  endedAt: number | undefined;

  /** Records `a`, which observed `obs`; returns `obs`. */
  note(a: DutAccess, obs: Observation): Observation {
    if (this.endedAt === undefined && endsRun(obs)) this.endedAt = this.accesses.length;
    this.accesses.push(a);
    return obs;
  }

  /** The accesses up to and including the one that ended the run (all of them when none did). */
  stimulus(): DutAccess[] {
    return this.endedAt === undefined ? this.accesses : this.accesses.slice(0, this.endedAt + 1);
  }
}

/** Records every access to `inner`, in order, in `accesses`. */
export class RecordingDevice implements ControllerDevice {
  readonly log = new AccessLog();
  constructor(private readonly inner: ControllerDevice) {}
  get accesses(): DutAccess[] {
    return this.log.accesses;
  }
  read(addr: bigint): Observation {
    return this.log.note({ type: 'Read', addr }, this.inner.read(addr));
  }
  write(addr: bigint, data: bigint): Observation {
    return this.log.note({ type: 'Write', addr, data }, this.inner.write(addr, data));
  }
  irq(line: number): Observation {
    return this.log.note({ type: 'Irq', line }, this.inner.irq(line));
  }
  abs() {
    return this.inner.abs();
  }
}

/**
 * `device` itself, seen through a view that records every read, write and interrupt made through
 * it in `log`; every other member is the device's own (called on the device), and the view is
 * still `instanceof` the device's class.
 */
export function recordingView<D extends ControllerDevice>(device: D, log: AccessLog): D {
  return new Proxy(device, {
    get(target, key) {
      switch (key) {
        case 'read':
          return (addr: bigint) => log.note({ type: 'Read', addr }, target.read(addr));
        case 'write':
          return (addr: bigint, data: bigint) =>
            log.note({ type: 'Write', addr, data }, target.write(addr, data));
        case 'irq':
          return (line: number) => log.note({ type: 'Irq', line }, target.irq(line));
      }
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (...args: unknown[]): unknown => Reflect.apply(v, target, args) : v;
    },
  });
}
