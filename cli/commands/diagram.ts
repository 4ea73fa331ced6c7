/**
 * `intcheck diagram --protocol P [--format mermaid|dot|svg] [--out FILE]`: the protocol's XState
 * statechart (states, events, guards and actions by name), read from the machine definition
 * itself, printed or written atomically to a file.
 */
import type { Command } from 'commander';
import { DIAGRAM_FORMATS } from '../../pictures/diagram/renderDiagram.ts';
import type { CommandContext } from './commandContext.ts';

export interface DiagramFlags {
  protocol: string;
  format: string;
  out?: string;
}

/** Adds the `diagram` subcommand to `program`. */
export function registerDiagram(program: Command, ctx: CommandContext): void {
  program
    .command('diagram')
    .description("draw a protocol's statechart from the model's XState machine")
    .requiredOption('--protocol <name>', `protocol: ${ctx.protocols.map((p) => p.name).join(' | ')}`)
    .option('--format <format>', `output format: ${DIAGRAM_FORMATS.join(' | ')}`, 'mermaid')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: DiagramFlags) =>
      ctx.setExit((await import('./runDiagram.ts')).runDiagram(flags, ctx.io)),
    );
}
