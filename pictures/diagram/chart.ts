/**
 * A statechart as plain data for drawing, read from an XState machine's own StateNode tree (so
 * a diagram cannot drift from the model): every state with its kind, initial child and
 * children, and every transition with its event, guard (by name, with parameters and and/or/not
 * spelled out) and actions. Sibling regions of a parallel state that have the same chart (one per
 * hart, one per task) are shown once, with a note naming them all.
 */

/** A transition: `event [guard] / actions`, to `target` (a state id) or internal when absent. */
export interface ChartEdge {
  readonly event: string;
  readonly guard?: string;
  readonly actions: readonly string[];
  readonly target?: string;
}

/** A state: `id` is unique in the chart (the path of keys joined by `_`). */
export interface ChartNode {
  readonly id: string;
  readonly key: string;
  readonly kind: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  /** For a compound state: the id of its initial child. */
  readonly initial?: string;
  readonly children: readonly ChartNode[];
  readonly edges: readonly ChartEdge[];
  /** For a region standing for several alike ones: their keys. */
  readonly alike?: readonly string[];
}

/** The part of XState's StateNode the walker reads. */
export interface StateNodeLike {
  readonly key: string;
  readonly type: string;
  readonly states: Readonly<Record<string, StateNodeLike>>;
  readonly transitions: ReadonlyMap<string, readonly TransitionLike[]>;
  readonly initial?: { readonly target: readonly StateNodeLike[] } | undefined;
}

/** The part of XState's TransitionDefinition the walker reads. */
export interface TransitionLike {
  readonly eventType: string;
  readonly target?: readonly StateNodeLike[] | undefined;
  readonly guard?: unknown;
  readonly actions: readonly unknown[];
}

const KINDS = ['atomic', 'compound', 'parallel', 'final', 'history'] as const;

/** The chart of the machine whose root state node is `root`. */
export function chartOf(root: StateNodeLike): ChartNode {
  const ids = new Map<StateNodeLike, string>();
  const name = (n: StateNodeLike, path: readonly string[]) => {
    ids.set(n, path.join('_'));
    for (const [k, c] of Object.entries(n.states)) name(c, [...path, k]);
  };
  name(root, [root.key]);
  return collapse(walk(root, ids));
}

function walk(n: StateNodeLike, ids: ReadonlyMap<StateNodeLike, string>): ChartNode {
  const kind = KINDS.find((k) => k === n.type) ?? 'atomic';
  const edges: ChartEdge[] = [];
  for (const list of n.transitions.values()) {
    for (const t of list) {
      const guard = t.guard === undefined ? undefined : guardLabel(t.guard);
      const target = t.target?.[0];
      edges.push({
        event: t.eventType,
        ...(guard === undefined ? {} : { guard }),
        actions: t.actions.map(actionLabel),
        ...(target === undefined ? {} : { target: ids.get(target) ?? target.key }),
      });
    }
  }
  const first = kind === 'compound' ? n.initial?.target[0] : undefined;
  const initial = first === undefined ? undefined : ids.get(first);
  return {
    id: ids.get(n) ?? n.key,
    key: n.key,
    kind,
    ...(initial === undefined ? {} : { initial }),
    children: Object.values(n.states).map((c) => walk(c, ids)),
    edges,
  };
}

/** A guard as text: its name, `name(k=v)` with parameters, and `a && b`, `a || b`, `!a` for combinators. */
export function guardLabel(g: unknown): string {
  if (typeof g === 'string') return g;
  if (typeof g === 'function') {
    const parts: unknown = Reflect.get(g, 'guards');
    if (Array.isArray(parts)) {
      const inner = parts.map(guardLabel);
      if (g.name === 'not') return `!(${inner.join(', ')})`;
      return inner.join(g.name === 'or' ? ' || ' : ' && ');
    }
    return g.name === '' ? 'inline' : g.name;
  }
  if (typeof g === 'object' && g !== null) {
    const type: unknown = Reflect.get(g, 'type');
    const params: unknown = Reflect.get(g, 'params');
    const args =
      typeof params === 'object' && params !== null
        ? `(${Object.entries(params)
            .map(([k, v]) => `${k}=${typeof v === 'bigint' ? v.toString() : String(v)}`)
            .join(', ')})`
        : '';
    return `${typeof type === 'string' ? type : 'guard'}${args}`;
  }
  return String(g);
}

function actionLabel(a: unknown): string {
  if (typeof a === 'string') return a;
  if (typeof a === 'function') return a.name === '' ? 'inline' : a.name;
  if (typeof a === 'object' && a !== null) {
    const type: unknown = Reflect.get(a, 'type');
    return typeof type === 'string' ? type : 'action';
  }
  return String(a);
}

/** The chart with alike sibling regions of parallel states (`hart0`, `hart1`, …) shown once. */
function collapse(n: ChartNode): ChartNode {
  const children = n.children.map(collapse);
  if (n.kind !== 'parallel') return { ...n, children };
  const kept: ChartNode[] = [];
  const shapes: string[] = [];
  for (const c of children) {
    const shape = shapeOf(c);
    const at = shapes.indexOf(shape);
    const same = at >= 0 ? kept[at] : undefined;
    if (same !== undefined) {
      kept[at] = { ...same, alike: [...(same.alike ?? [same.key]), c.key] };
    } else {
      kept.push(c);
      shapes.push(shape);
    }
  }
  return { ...n, children: kept };
}

/** A region's chart with its own name, indices and initial state left out (what alike regions share). */
function shapeOf(n: ChartNode): string {
  const strip = (s: string) => s.replace(/\d+/g, '#');
  const walkShape = (c: ChartNode): unknown => ({
    key: c.key === n.key ? '' : strip(c.key),
    kind: c.kind,
    edges: c.edges.map((e) => [e.event, strip(e.guard ?? ''), e.actions.join(','), strip(e.target ?? '')]),
    children: c.children.map(walkShape),
  });
  return JSON.stringify(walkShape(n));
}
