/**
 * Diagrams come from the machines themselves: the controller chart lists exactly the branches of
 * CONTROLLER_TRANSITIONS in order, the wakeup chart every hart phase and task life, each format
 * is well formed, and docs/diagrams.md's Mermaid copy is the current one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ChartNode, chartOf, guardLabel } from '../../pictures/diagram/chart.ts';
import { allNodes, branchLabel } from '../../pictures/diagram/edgeGroups.ts';
import { DIAGRAMS_START, readmeDiagrams } from '../../pictures/diagram/readmeDiagrams.ts';
import { renderDiagram } from '../../pictures/diagram/renderDiagram.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { CONTROLLER_EVENT_TYPES } from '../../protocols/controller/model/events.ts';
import { controllerMachine } from '../../protocols/controller/model/machine.ts';
import { CONTROLLER_TRANSITIONS } from '../../protocols/controller/model/machineTransitions.ts';
import { PROTOCOLS, protocolNamed } from '../../protocols/index.ts';
import { wakeupMachine } from '../../protocols/wakeup/model/machine.ts';

const README = new URL('../../docs/diagrams.md', import.meta.url);

function find(root: ChartNode, key: string): ChartNode {
  const n = allNodes(root).find((x) => x.key === key);
  if (n === undefined) throw new Error(`no state ${key}`);
  return n;
}

describe('diagrams drawn from the machine definitions', () => {
  it('the controller chart has exactly the branches of CONTROLLER_TRANSITIONS, in order', () => {
    const chart = chartOf(controllerMachine(SMALL).root);
    const running = find(chart, 'running');
    expect(chart.initial).toBe(running.id);
    const drawn = running.edges.map((e) => `${e.event} ${branchLabel(e)}`);
    const declared = CONTROLLER_EVENT_TYPES.flatMap((type) =>
      CONTROLLER_TRANSITIONS[type].map((b) =>
        'guard' in b ? `${type} [${b.guard}] / ${b.actions}` : `${type} / ${b.actions}`,
      ),
    );
    expect(drawn).toEqual(declared);
    expect(running.edges.every((e) => e.target === undefined)).toBe(true);
  });

  it('the wakeup chart has the kernel, one hart chart and one task chart standing for the alike ones', () => {
    const chart = chartOf(wakeupMachine(SMALL).root);
    expect(chart.kind).toBe('parallel');
    const hart = find(chart, 'hart0');
    expect(hart.alike).toEqual(['hart0', 'hart1']);
    expect(hart.children.map((c) => c.key)).toEqual(['idle', 'fetch', 'running', 'returning', 'wedged']);
    const task = find(chart, 'task1');
    expect(task.alike).toEqual(['task1', 'task2', 'task3']);
    expect(task.children.map((c) => c.key)).toEqual(['free', 'ready', 'running', 'blocked', 'done']);
    const fetch = find(hart, 'fetch');
    const toRunning = fetch.edges.find((e) => e.target === find(hart, 'running').id);
    expect(toRunning?.guard).toBe('forHart(hart=0) && hartFetching && fetchFindsTask');
    expect(toRunning?.actions).toEqual(['fetch']);
  });

  it('guards are named with parameters and combinators spelled out', () => {
    expect(guardLabel('queueFull')).toBe('queueFull');
    expect(guardLabel({ type: 'outcomeIs', params: { kind: 'yield' } })).toBe('outcomeIs(kind=yield)');
    const and = Object.assign(function and() {}, { guards: ['a', { type: 'b', params: { n: 1 } }] });
    expect(guardLabel(and)).toBe('a && b(n=1)');
    const not = Object.assign(function not() {}, { guards: ['a'] });
    expect(guardLabel(not)).toBe('!(a)');
  });

  it('renders Mermaid, DOT and SVG for every protocol with a machine', () => {
    for (const { name, machine } of PROTOCOLS) {
      const p = machine();
      const mermaid = renderDiagram(p, 'mermaid');
      expect(mermaid.startsWith('stateDiagram-v2\n')).toBe(true);
      expect(mermaid).toContain('[*] -->');
      const dot = renderDiagram(p, 'dot');
      expect(dot, name).toMatch(/^digraph "\w+" \{/);
      expect(dot.trimEnd().endsWith('}')).toBe(true);
      const svg = renderDiagram(p, 'svg');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).not.toContain('NaN');
      expect(svg).not.toContain('undefined');
    }
    expect(renderDiagram(protocolNamed('wakeup').machine(), 'mermaid')).toContain('--');
  });

  it("docs/diagrams.md's diagrams are current (regenerate: npx tsx scripts/diagrams.ts)", () => {
    const readme = readFileSync(README, 'utf8');
    const from = readme.indexOf(DIAGRAMS_START);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(readme.slice(from + DIAGRAMS_START.length)).toContain(
      `\n${readmeDiagrams(PROTOCOLS)}\n<!-- diagrams:end -->`,
    );
  });
});
