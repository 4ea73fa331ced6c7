/**
 * The checks every timeline page gets in the browser tests: its lanes, a mark per step, the one
 * failing step highlighted and selected, a click on a mark or a row selecting that step and
 * showing the queues after it, and a hover showing the event's arguments.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The step data the page script reads. */
export async function stepsOf(
  p: Page,
  timeline: string,
): Promise<{ index: number; queues: { label: string; items: string[] }[] }[]> {
  const text = await p.locator(`${timeline} script.tl-data`).textContent();
  return (
    JSON.parse(text ?? '{}') as { steps: { index: number; queues: { label: string; items: string[] }[] }[] }
  ).steps;
}

/** Checks one timeline on an open page: lanes, marks, failing step, click and hover. */
export async function checkTimeline(
  p: Page,
  timeline: string,
  lanes: readonly string[],
  property: string,
): Promise<void> {
  const root = p.locator(timeline);
  const labels = await root.locator('svg .lane-label').allTextContents();
  for (const l of lanes) expect(labels).toContain(l);
  const steps = Number(await root.getAttribute('data-steps'));
  expect(steps).toBeGreaterThan(0);
  expect(await root.locator('svg .mark').count()).toBe(steps);
  expect(await root.locator('svg .col.failing').count()).toBe(1);
  expect(await root.locator('svg .mark.failing').count()).toBe(1);
  expect(await root.locator('.steps tr.failing').count()).toBe(1);
  expect(await root.locator('.failure .property').textContent()).toBe(property);
  expect((await root.locator('.failure .message').textContent())?.length).toBeGreaterThan(0);
  // Initially the failing step is selected and the queue view shows the queues after it.
  const failing = Number(await root.locator('svg .col.failing').getAttribute('data-step'));
  expect(await root.getAttribute('data-selected')).toBe(String(failing));
  const data = await stepsOf(p, timeline);
  const shown = (i: number) => (data[i]?.queues ?? []).map((q) => `${q.label}${q.items.join('')}`).join('');
  const other = data.findIndex((_s, i) => shown(i) !== shown(failing));
  const target = other >= 0 ? other : 0;
  const before = await root.locator('.queue-view').textContent();
  await root.locator(`svg .mark[data-step="${target}"]`).click();
  expect(await root.getAttribute('data-selected')).toBe(String(target));
  expect(await root.locator('.queue-title').textContent()).toBe(`Queues after step ${data[target]?.index}`);
  const after = await root.locator('.queue-view').textContent();
  expect(after?.replace(/\s+/g, '')).toBe(shown(target).replace(/\s+/g, '') || 'everyqueueisempty');
  if (other >= 0) expect(after).not.toBe(before);
  // A click on a row of the step list selects that step too.
  await root.locator(`.steps tr[data-step="${failing}"]`).click();
  expect(await root.getAttribute('data-selected')).toBe(String(failing));
  // Hovering a mark shows its event and arguments.
  await root.locator(`svg .mark[data-step="${target}"]`).hover();
  const tip = await p.locator('.tooltip').textContent();
  expect(tip).toContain('outcome:');
  expect(await root.locator(`svg .mark[data-step="${target}"] title`).textContent()).toContain('outcome:');
}
