/**
 * `intcheck diagram --protocol P [--format mermaid|dot|svg] [--out FILE]`: the protocol's XState
 * statechart (states, events, guards and actions by name), read from the machine definition
 * itself, printed or written atomically to a file.
 */
import type { Command } from 'commander';
import { DIAGRAM_FORMATS, type DiagramFormat, renderDiagram } from '../../pictures/diagram/renderDiagram.ts';
import { protocolNamed, protocolNames } from '../../protocols/index.ts';
import { EXIT, UsageError } from '../errors.ts';
import { writeHtml } from './replayHtml.ts';

interface DiagramFlags {
  protocol: string;
  format: string;
  out?: string;
}

/** Adds the `diagram` subcommand to `program`. */
export function registerDiagram(program: Command, setExit: (code: number) => void): void {
  program
    .command('diagram')
    .description("draw a protocol's statechart from the model's XState machine")
    .requiredOption('--protocol <name>', `protocol: ${protocolNames().join(' | ')}`)
    .option('--format <format>', `output format: ${DIAGRAM_FORMATS.join(' | ')}`, 'mermaid')
    .option('--out <file>', 'write to this file instead of standard output')
    .action((flags: DiagramFlags) => setExit(runDiagram(flags)));
}

function isFormat(s: string): s is DiagramFormat {
  return (DIAGRAM_FORMATS as readonly string[]).includes(s);
}

function runDiagram(f: DiagramFlags): number {
  if (!isFormat(f.format)) {
    throw new UsageError(`--format: unknown format "${f.format}" (known: ${DIAGRAM_FORMATS.join(', ')})`);
  }
  const text = renderDiagram(protocolNamed(f.protocol).machine(), f.format);
  if (f.out === undefined) process.stdout.write(text);
  else writeHtml('--out', f.out, text);
  return EXIT.ok;
}
