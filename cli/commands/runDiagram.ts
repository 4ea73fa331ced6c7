/** The work of `intcheck diagram` (cli/commands/diagram.ts registers the command). */
import { DIAGRAM_FORMATS, type DiagramFormat, renderDiagram } from '../../pictures/diagram/renderDiagram.ts';
import { protocolNamed } from '../../protocols/index.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import type { DiagramFlags } from './diagram.ts';
import { writeHtml } from './replayHtml.ts';

function isFormat(s: string): s is DiagramFormat {
  return (DIAGRAM_FORMATS as readonly string[]).includes(s);
}

export function runDiagram(f: DiagramFlags, io: Io): number {
  if (!isFormat(f.format)) {
    throw new UsageError(`--format: unknown format "${f.format}" (known: ${DIAGRAM_FORMATS.join(', ')})`);
  }
  const text = renderDiagram(protocolNamed(f.protocol).machine(), f.format);
  if (f.out === undefined) io.write(text);
  else writeHtml('--out', f.out, text);
  return EXIT.ok;
}
