// The browser for the portal's tests: Debian's Chromium, headless, through playwright-core, with a
// watch on every request (none may leave localhost) and an axe-core scan of a page's accessibility.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const CHROMIUM = process.env.EVSETTLE_CHROMIUM || '/usr/bin/chromium';

/** A fresh browser profile per step: no cookie or login carries over from another step. */
export async function openBrowser({ screenshots, locale = 'en-GB' }) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ locale, acceptDownloads: true, viewport: { width: 1366, height: 900 } });
  const outside = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && !LOCAL_HOSTS.has(url.hostname)) {
      outside.push(request.url());
    }
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  mkdirSync(screenshots, { recursive: true });
  return {
    page,
    context,
    outside,
    consoleErrors,
    async screenshot(name) {
      await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** Signs in on Keycloak's own login page, as a person would, and waits for the portal to show. */
export async function signIn(page, gateway, username, password) {
  await page.goto(gateway + '/');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === new URL(gateway).origin);
  await page.getByTestId('logout').waitFor();
}

/** axe-core's findings on the page as shown, the serious and critical ones. */
export async function seriousAccessibilityViolations(page) {
  // why: a colour caught mid-transition (a link just activated, a button hovered) is neither the old nor the
  // new one, and its contrast is no finding; the scan judges the page at rest
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  // why: evaluated through the DevTools protocol, the script runs although the page's CSP allows no inline script
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const found = await axe.run(document, { resultTypes: ['violations'] });
    return found.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
