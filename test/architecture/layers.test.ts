/**
 * The layers point one way (issue 15): model ← designs/runtime/mutants ← properties/engine ←
 * traces ← replay ← pictures/report ← protocol descriptors ← cli and api. A file may import only from its
 * own layer or a lower one; a protocol's folder may import only from protocols listed before it
 * in protocols/index.ts (the wakeup system builds on the controller, syscall on both).
 */
import { describe, expect, test } from 'vitest';
import { PROTOCOLS } from '../../protocols/index.ts';
import { importEdges, sourceFiles } from './importGraph.ts';

/** The layers, lowest first. */
const LAYERS = [
  'model',
  'implementation',
  'engine',
  'traces',
  'replay',
  'pictures',
  'protocols',
  'cli',
] as const;
type Layer = (typeof LAYERS)[number];

/** Inside a protocol folder, the layer of each subfolder. */
const PROTOCOL_SUBFOLDERS: Readonly<Record<string, Layer>> = {
  model: 'model',
  designs: 'implementation',
  runtime: 'implementation',
  mutants: 'implementation',
  properties: 'engine',
  engine: 'engine',
  trace: 'traces',
  replay: 'replay',
  pictures: 'pictures',
  // Flows that drive external tools over a protocol's designs (the RTL's formal proof): composition roots.
  formal: 'protocols',
};

/** The top-level folders outside protocols/, and their layers. */
const TOP: Readonly<Record<string, Layer>> = {
  model: 'model',
  engine: 'engine',
  traces: 'traces',
  replay: 'replay',
  report: 'pictures',
  pictures: 'pictures',
  cli: 'cli',
  // The programmatic API (package.json's `exports`): the command line's work as functions.
  api: 'cli',
};

/** The layer of `file`, or a description of why it has none. */
function layerOf(file: string): Layer | string {
  const parts = file.split('/');
  const [top, second, third] = parts;
  if (top === 'protocols') {
    // protocols/*.ts and protocols/<name>/*.ts (descriptors, their checks and explorations)
    if (parts.length <= 3) return 'protocols';
    const layer = PROTOCOL_SUBFOLDERS[third ?? ''];
    return layer ?? `protocols/${second}/${third}/ is no known subfolder`;
  }
  return TOP[top ?? ''] ?? `${top}/ is no known folder`;
}

const rank = (l: Layer): number => LAYERS.indexOf(l);
const protocolOrder = PROTOCOLS.map((p) => p.name);
const protocolOf = (file: string): string | undefined => {
  const [top, name] = file.split('/');
  return top === 'protocols' && name !== undefined && protocolOrder.includes(name) ? name : undefined;
};

describe('the architecture', () => {
  test('every source file is in a known layer', () => {
    const lost = sourceFiles()
      .map((f) => [f, layerOf(f)] as const)
      .filter(([, l]) => !(LAYERS as readonly string[]).includes(l));
    expect(lost).toEqual([]);
  });

  test('imports point down the layers', () => {
    const upward = importEdges()
      .filter(({ from, to }) => {
        const a = layerOf(from);
        const b = layerOf(to);
        if (!(LAYERS as readonly string[]).includes(a) || !(LAYERS as readonly string[]).includes(b))
          return false;
        return rank(b as Layer) > rank(a as Layer);
      })
      .map(({ from, to }) => `${from} (${layerOf(from)}) → ${to} (${layerOf(to)})`);
    expect(upward).toEqual([]);
  });

  test('a protocol imports only the protocols it is built on (listed before it)', () => {
    const wrong = importEdges()
      .filter(({ from, to }) => {
        const a = protocolOf(from);
        const b = protocolOf(to);
        return (
          a !== undefined && b !== undefined && a !== b && protocolOrder.indexOf(b) > protocolOrder.indexOf(a)
        );
      })
      .map(({ from, to }) => `${from} → ${to}`);
    expect(wrong).toEqual([]);
  });

  test('the check can fail: an upward import is caught', () => {
    expect(layerOf('protocols/wakeup/model/step.ts')).toBe('model');
    expect(layerOf('cli/main.ts')).toBe('cli');
    expect(rank(layerOf('engine/judge.ts') as Layer) < rank(layerOf('report/checkReport.ts') as Layer)).toBe(
      true,
    );
  });
});
