/**
 * Headless Chromium for the page tests: Debian's `chromium` (or INTCHECK_CHROMIUM) driven by
 * playwright-core with a fresh profile and no background traffic. When no browser is found the
 * tests fail with a message saying so (CI installs it in .ci/run): a page test that cannot open
 * its page must not pass.
 */
import { existsSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { tempDir } from '../../support/tempDir.ts';

/** Where the browser is looked for. */
export const CHROMIUM = process.env.INTCHECK_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A running browser with its own throwaway profile. */
export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium, or throws saying plainly that none was found. */
export async function startBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no browser found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium, as .ci/run does) or set INTCHECK_CHROMIUM to a Chromium binary`,
    );
  }
  const profile = tempDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page opened on a local file, with every console error and page error collected. */
export interface OpenedPage {
  readonly page: Page;
  readonly errors: string[];
}

/** Opens `file` in a new tab of `b`. */
export async function openFile(b: Browser, file: string): Promise<OpenedPage> {
  const page = await b.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    errors.push(`page error: ${e.message}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:'))
      errors.push(`network request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  return { page, errors };
}
