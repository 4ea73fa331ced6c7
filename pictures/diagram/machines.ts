/**
 * The machine each protocol's diagram is drawn from: the model's own XState statechart, built
 * for the small preset (the chart's shape does not depend on the sizes; alike regions are shown
 * once; UIPI uses its own small preset). A protocol joins `intcheck diagram` by adding its
 * machine here.
 */
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { controllerMachine } from '../../protocols/controller/model/machine.ts';
import { syscallMachine } from '../../protocols/syscall/model/machine.ts';
import { UIPI_SMALL } from '../../protocols/uipi/model/config.ts';
import { uipiMachine } from '../../protocols/uipi/model/machine.ts';
import { wakeupMachine } from '../../protocols/wakeup/model/machine.ts';
import type { StateNodeLike } from './chart.ts';

/** The root state node of each protocol's statechart. */
export const DIAGRAM_MACHINES: Readonly<Record<string, () => StateNodeLike>> = {
  controller: () => controllerMachine(SMALL).root,
  syscall: () => syscallMachine(SMALL).root,
  wakeup: () => wakeupMachine(SMALL).root,
  uipi: () => uipiMachine(UIPI_SMALL).root,
};

/** The protocols that have a diagram, in a fixed order. */
export function diagramProtocols(): string[] {
  return Object.keys(DIAGRAM_MACHINES);
}
