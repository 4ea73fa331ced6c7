/**
 * The generated sections of a documentation page: the text between `<!-- NAME:start -->` and
 * `<!-- NAME:end -->`, written by a script (scripts/) and checked by a test that regenerates it,
 * so a page never shows a table or a diagram older than the code.
 */

const start = (name: string): string => `<!-- ${name}:start -->`;
const end = (name: string): string => `<!-- ${name}:end -->`;

/** The section `name` of `page` (without its markers or the newlines next to them), or undefined when it has none. */
export function markedSection(page: string, name: string): string | undefined {
  const from = page.indexOf(start(name));
  const to = page.indexOf(end(name));
  if (from < 0 || to < from) return undefined;
  return page
    .slice(from + start(name).length, to)
    .replace(/^\n/, '')
    .replace(/\n$/, '');
}

/** `page` with its section `name` replaced by `body`, or undefined when it has no such section. */
export function withMarkedSection(page: string, name: string, body: string): string | undefined {
  const from = page.indexOf(start(name));
  const to = page.indexOf(end(name));
  if (from < 0 || to < from) return undefined;
  return `${page.slice(0, from + start(name).length)}\n${body}\n${page.slice(to)}`;
}

/** The markers of section `name`, as a page must contain them (for messages). */
export function markers(name: string): string {
  return `${start(name)} … ${end(name)}`;
}
