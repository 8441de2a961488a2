// Callbacks passed to page.evaluate run in the browser, so they are typed against the DOM.
/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's chromium, which the bootstrap installs. */
const CHROMIUM = '/usr/bin/chromium';

/** Screenshots of the console specs land here (git-ignored). */
export const CONSOLE_SHOTS = join(__dirname, '..', '..', 'test-output', 'console');

/**
 * A headless chromium that opens the console of an api listening at
 * `baseUrl`, one browser context (own sessionStorage) per signed-in user.
 */
export class ConsoleBrowser {
  private constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  static async launch(baseUrl: string): Promise<ConsoleBrowser> {
    mkdirSync(CONSOLE_SHOTS, { recursive: true });
    // --no-sandbox: the specs run as root, where chromium refuses its sandbox.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=en-US'] });
    return new ConsoleBrowser(browser, baseUrl);
  }

  /** The sign-in page in a fresh context; errors the page logs or throws are collected. */
  async openConsole(): Promise<ConsolePage> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
    await page.goto(`${this.baseUrl}/console/`);
    return new ConsolePage(context, page, problems);
  }

  /** A fresh tab signed in with `key` through the sign-in form. */
  async signIn(key: string): Promise<ConsolePage> {
    const tab = await this.openConsole();
    await tab.page.locator('input[name=apiKey]').fill(key);
    await tab.page.getByRole('button', { name: 'Sign in' }).click();
    await tab.page.locator('[data-testid=signed-in-as]').waitFor();
    return tab;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export class ConsolePage {
  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    /** Errors the page logged and exceptions it threw: a journey should end with none. */
    readonly problems: string[],
  ) {}

  async open(hash: string): Promise<void> {
    await this.page.evaluate((h) => (location.hash = h), hash);
  }

  /** Drops files from disk on the element, as a drag from the desktop would: a drop event whose DataTransfer holds them. */
  async dropFiles(selector: string, paths: string[]): Promise<void> {
    const files = paths.map((p) => ({ name: basename(p), data: readFileSync(p).toString('base64') }));
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: 'video/mp4' }));
      return dt;
    }, files);
    await this.page.locator(selector).dispatchEvent('dragover', { dataTransfer });
    await this.page.locator(selector).dispatchEvent('drop', { dataTransfer });
  }

  /** A full-page PNG under test-output/console. */
  async screenshot(name: string): Promise<string> {
    const path = join(CONSOLE_SHOTS, `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
