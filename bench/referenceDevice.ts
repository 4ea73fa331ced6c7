/**
 * Throughput of the reference device (impl/reference): a pre-generated, seeded stream of
 * register-level accesses (a mix of every register, wrong accesses and interrupt edges) is
 * driven straight into `read`/`write`/`irq`, and the rate is reported per preset.
 * Run alone with `npx tsx bench/referenceDevice.ts`.
 */
import { pathToFileURL } from 'node:url';
import { ReferenceDevice } from '../protocols/controller/designs/reference/referenceDevice.ts';
import { type Config, PRESETS, type PresetName } from '../protocols/controller/model/config/config.ts';
import { registerAddress } from '../protocols/controller/model/decode.ts';

/** One result row: the preset and the accesses per second it sustained. */
export type BenchRow = readonly [preset: string, accessesPerSecond: number];

/** A pre-generated access stream in flat typed arrays (no objects per access). */
interface AccessStream {
  /** 0 read, 1 write, 2 interrupt edge. */
  readonly kind: Uint8Array;
  readonly addr: BigUint64Array;
  readonly data: BigUint64Array;
  readonly line: Int32Array;
}

const READ = 0;
const WRITE = 1;
const IRQ = 2;
/** Accesses per stream, and timed passes over it (the median is reported). */
const STREAM_LENGTH = 200_000;
const PASSES = 5;
/** Seed of the stream generator. */
const STREAM_SEED = 0x1ce_c0de;

/** A tiny seeded generator (mulberry32): the stream is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds the stream: mostly enqueue/dequeue, then registrations, edges, sends, ERROR/STATUS, wrong accesses. */
function generateStream(cfg: Config, length: number, seed: number): AccessStream {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const task = () => BigInt(1 + int(cfg.taskPool));
  const s: AccessStream = {
    kind: new Uint8Array(length),
    addr: new BigUint64Array(length),
    data: new BigUint64Array(length),
    line: new Int32Array(length),
  };
  for (let i = 0; i < length; i++) {
    const p = int(cfg.processes);
    const put = (kind: number, addr: bigint, data = 0n) => {
      s.kind[i] = kind;
      s.addr[i] = addr;
      s.data[i] = data;
    };
    const r = rnd();
    if (r < 0.3) put(WRITE, registerAddress(cfg, p, 'ENQUEUE', int(cfg.priorities)), task());
    else if (r < 0.6) put(READ, registerAddress(cfg, p, 'DEQUEUE'));
    else if (r < 0.68) put(WRITE, registerAddress(cfg, p, 'IRQ_REGISTER', int(cfg.devices)), task());
    else if (r < 0.76) {
      s.kind[i] = IRQ;
      s.line[i] = int(cfg.devices);
    } else if (r < 0.82) put(WRITE, registerAddress(cfg, p, 'IPC_REGISTER', int(cfg.ipcTypes)), task());
    else if (r < 0.88) {
      const send = (BigInt(int(cfg.ipcTypes)) << 32n) | BigInt(int(cfg.processes));
      put(WRITE, registerAddress(cfg, p, 'IPC_SEND'), send);
    } else if (r < 0.92) put(READ, registerAddress(cfg, p, 'ERROR'));
    else if (r < 0.94) put(READ, registerAddress(cfg, p, 'STATUS'));
    else if (r < 0.96) put(WRITE, registerAddress(cfg, p, 'STATUS'), BigInt(int(2)));
    else if (r < 0.98) put(WRITE, registerAddress(cfg, p, 'ENQUEUE', int(cfg.priorities)), 0n);
    else put(READ, registerAddress(cfg, p, 'IPC_SEND') + BigInt(int(8)));
  }
  return s;
}

/** Drives the whole stream into a fresh device; returns a checksum of read data (keeps the work alive). */
function runStream(cfg: Config, s: AccessStream): bigint {
  const dev = new ReferenceDevice(cfg);
  let sum = 0n;
  const n = s.kind.length;
  for (let i = 0; i < n; i++) {
    const kind = s.kind[i];
    if (kind === READ) {
      const obs = dev.read(s.addr[i] ?? 0n);
      if (obs.kind === 'value') sum ^= obs.value;
    } else if (kind === WRITE) dev.write(s.addr[i] ?? 0n, s.data[i] ?? 0n);
    else dev.irq(s.line[i] ?? 0);
  }
  return sum;
}

/** Accesses per second of the reference device at each preset (median of {@link PASSES} timed passes). */
export function benchReferenceDevice(length = STREAM_LENGTH): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const name of Object.keys(PRESETS) as PresetName[]) {
    const cfg = PRESETS[name];
    const stream = generateStream(cfg, length, STREAM_SEED);
    runStream(cfg, stream); // warm-up
    const rates: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      const t0 = process.hrtime.bigint();
      runStream(cfg, stream);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      rates.push(length / seconds);
    }
    rates.sort((a, b) => a - b);
    rows.push([name, Math.round(rates[Math.floor(PASSES / 2)] ?? 0)]);
  }
  return rows;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  for (const [preset, rate] of benchReferenceDevice()) {
    console.log(`reference device  ${preset.padEnd(10)} ${rate.toLocaleString('en-US')} accesses/s`);
  }
}
