/**
 * Debian's Chromium driven by playwright-core, launched the way the machine needs it: headless,
 * no sandbox, no GPU, no QUIC, no background networking, component updates or sync (there is no
 * internet), and a fresh user-data folder. A missing Chromium is an error, never a skip.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Where the screenshots go (gitignored; the README names it). */
export const SCREENSHOT_DIR = new URL('../screenshots/', import.meta.url).pathname;

export interface Browser {
  readonly context: BrowserContext;
  /** A new tab with its own sessionStorage (so its own sign-in), collecting console errors. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Console errors, page errors and CSP violations seen so far, in any tab. */
  readonly errors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`test/web: Chromium is missing at ${CHROMIUM}; install it with "apt-get install -y chromium" (.ci/run does)`);
  }
  // --user-data-dir cannot go in args: Playwright takes the folder as launchPersistentContext's first argument.
  const userDataDir = mkdtempSync(join(tmpdir(), 'jiedui-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timeout: 30_000,
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const errors: string[] = [];
  const watch = (page: Page) => {
    // Chromium logs every 4xx/5xx fetch as a console error; 401 and 409 are answers the page
    // expects and shows (a wrong key, a conflict), so answers are judged by status below instead.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 500) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.setDefaultTimeout(15_000);
  };
  for (const page of context.pages()) await page.close();
  return {
    context,
    errors,
    async newPage(viewport) {
      const page = await context.newPage();
      watch(page);
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the page's form. */
export async function signIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(url);
  await page.locator('input[name=apiKey]').fill(key);
  await page.locator('form.sign-in-form button[type=submit]').click();
  await page.locator('.caller').waitFor();
}

/** Screenshot of what the viewport shows, under SCREENSHOT_DIR. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Whether the page is wider than its viewport (something overflows sideways). */
export async function overflowsSideways(page: Page): Promise<boolean> {
  const [scroll, inner] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
  return scroll > inner;
}
