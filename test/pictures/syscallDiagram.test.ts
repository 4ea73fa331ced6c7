/**
 * The syscall statechart drawn from its XState machine: the kernel region, one region per agent
 * role (service dispatchers, reply dispatcher, callers) standing for the alike ones, each phase a
 * state, and every format well formed.
 */
import { describe, expect, it } from 'vitest';
import { type ChartNode, chartOf } from '../../pictures/diagram/chart.ts';
import { allNodes } from '../../pictures/diagram/edgeGroups.ts';
import { diagramProtocols } from '../../pictures/diagram/machines.ts';
import { renderDiagram } from '../../pictures/diagram/renderDiagram.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { layoutOf } from '../../protocols/syscall/model/layout.ts';
import { syscallMachine } from '../../protocols/syscall/model/machine.ts';

function find(root: ChartNode, key: string): ChartNode {
  const n = allNodes(root).find((x) => x.key === key);
  if (n === undefined) throw new Error(`no state ${key}`);
  return n;
}

describe('the syscall diagram', () => {
  it('has the kernel and one region per agent role, alike agents drawn once', () => {
    expect(diagramProtocols()).toContain('syscall');
    const chart = chartOf(syscallMachine(SMALL).root);
    expect(chart.kind).toBe('parallel');
    expect(find(chart, 'kernel').children.map((c) => c.key)).toEqual(['up']);
    const agents = find(chart, 'agents');
    const l = layoutOf(SMALL);
    const regions = agents.children.map((c) => c.alike ?? [c.key]);
    // Every agent is drawn, each by the region of its role.
    expect(regions.flat().sort()).toEqual(l.agents.map((_, a) => `agent${a}`).sort());
    const caller = l.callers.flat()[0];
    const service = l.services.flat()[0];
    const reply = l.reply.find((a) => a >= 0);
    if (caller === undefined || service === undefined || reply === undefined)
      throw new Error('small has a caller, a service and a reply dispatcher');
    const byAgent = (a: number) => {
      const n = agents.children.find((c) => (c.alike ?? [c.key]).includes(`agent${a}`));
      if (n === undefined) throw new Error(`agent${a} not drawn`);
      return n;
    };
    expect(byAgent(caller).children.map((c) => c.key)).toEqual([
      'idle',
      'filling',
      'submitted',
      'awaiting',
      'woken',
      'reading',
    ]);
    expect(byAgent(service).children.map((c) => c.key)).toEqual(['waiting', 'running', 'returning']);
    const replyEvents = byAgent(reply).children.flatMap((c) => c.edges.map((e) => e.event));
    expect(replyEvents).toContain('Wake');
    expect(replyEvents).not.toContain('Take');
    // A caller's Signal tries `slotDone` first, as the machine does.
    const signal = find(byAgent(caller), 'submitted').edges.filter((e) => e.event === 'Signal');
    expect(signal.map((e) => e.guard?.endsWith('slotDone'))).toEqual([true, false]);
  });

  it('renders Mermaid, DOT and SVG', () => {
    const mermaid = renderDiagram('syscall', 'mermaid') ?? '';
    expect(mermaid.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(mermaid).toContain('Signal<br/>');
    const dot = renderDiagram('syscall', 'dot') ?? '';
    expect(dot).toMatch(/^digraph "\w+" \{/);
    const svg = renderDiagram('syscall', 'svg') ?? '';
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain('NaN');
    expect(svg).not.toContain('undefined');
  });
});
