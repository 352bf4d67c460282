/**
 * The Node side of the real-runtime harness: bundles page.ts, opens headless
 * Debian Chromium (never a downloaded browser), loads Microsoft's
 * `excel-web-16.00.js` from `@microsoft/office-js` and the bundle into one
 * page, and calls the page's functions.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { bundleForBrowser } from '../../../e2e/bundle-sim';
import type { RealRuntimeApi } from './page';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Microsoft's Excel runtime for Excel on the web: Office.js's request builder and serialiser. */
export const OFFICE_RUNTIME = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.js');
/** A made-up origin the page is served from (Office.js needs a real origin for its session storage). */
const ORIGIN = 'https://ragbook.test';

export interface RealRuntime {
  call<K extends keyof RealRuntimeApi>(name: K, ...args: Parameters<RealRuntimeApi[K]>): Promise<Awaited<ReturnType<RealRuntimeApi[K]>>>;
  close(): Promise<void>;
}

export async function startRealRuntime(): Promise<RealRuntime> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ragbook-real-runtime-'));
  const bundle = await bundleForBrowser(path.join(__dirname, 'page.ts'), dir, 'real-runtime.js');
  const files: Record<string, string> = {
    '/office.js': OFFICE_RUNTIME,
    '/real-runtime.js': bundle,
  };
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page: Page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/') {
      await route.fulfill({ contentType: 'text/html', body: '<!doctype html><html><head><script src="/office.js"></script><script src="/real-runtime.js"></script></head><body></body></html>' });
    } else if (files[pathname]) {
      await route.fulfill({ contentType: 'text/javascript', body: await fs.readFile(files[pathname]) });
    } else {
      await route.fulfill({ status: 404, body: 'Not found' });
    }
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'Excel' in window && '__realRuntime' in window);
  return {
    call: (name, ...args) =>
      page.evaluate(([n, a]) => (window as unknown as { __realRuntime: Record<string, (...x: unknown[]) => unknown> }).__realRuntime[n as string](...(a as unknown[])), [name, args] as const) as never,
    close: async () => {
      await browser.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
