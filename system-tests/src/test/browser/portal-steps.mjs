// The portal's end-to-end steps in a real browser, each run by PortalInBrowserIT between the steps it
// takes itself (charging over OCPP, creating the driver's login). Usage:
//   EVSETTLE_STEP_INPUT='{"gateway":"http://localhost:8080",...}' node portal-steps.mjs <step>
// A step prints one line `RESULT <json>` and exits 0, or prints what failed and exits 1. Every step
// also fails when a page asked anything of a host other than localhost, threw a script error, or
// showed serious accessibility violations (axe-core).
import { openBrowser, signIn, seriousAccessibilityViolations } from './browser.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const input = JSON.parse(process.env.EVSETTLE_STEP_INPUT || '{}');
const step = process.argv[2];
const screenshots = input.screenshots || 'target/portal-screenshots';
const downloads = input.downloads || 'target/portal-downloads';

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** Opens a page from the navigation, waits for its heading, keeps a screenshot and scans it. */
async function visit(b, nav, name, findings) {
  await b.page.getByTestId(nav).click();
  await b.page.getByTestId('page-heading').first().waitFor();
  await b.page.waitForLoadState('networkidle');
  await b.screenshot(name);
  const violations = await seriousAccessibilityViolations(b.page);
  if (violations.length) {
    findings.push({ page: name, violations });
  }
}

async function saveDownload(page, trigger, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = path.join(downloads, name);
  await download.saveAs(file);
  return readFileSync(file);
}

const steps = {
  /** The operator's admin signs in and registers a driver with a card. */
  async operatorRegistersDriver(b, findings) {
    const { page } = b;
    await signIn(page, input.gateway, input.username, input.password);
    await page.getByTestId('energy-chart').waitFor();
    await b.screenshot('dashboard');
    const dashboard = await seriousAccessibilityViolations(page);
    if (dashboard.length) findings.push({ page: 'dashboard', violations: dashboard });

    await visit(b, 'nav-drivers', 'drivers', findings);
    await page.getByTestId('create-driver').click();
    await page.getByTestId('driver-name').fill(input.driverName);
    await page.getByTestId('driver-email').fill(input.driverEmail);
    await page.getByTestId('driver-street').fill('Lindelaan 14');
    await page.getByTestId('driver-postal-code').fill('3581 AB');
    await page.getByTestId('driver-city').fill('Utrecht');
    await page.getByTestId('driver-country').fill('NL');
    await page.getByTestId('save-driver').click();
    const row = page.getByTestId('drivers-table').getByRole('row', { name: new RegExp(input.driverName) });
    await row.waitFor();

    await page.getByTestId('tab-cards').click();
    await page.getByTestId('add-card').last().click();
    await page.getByRole('dialog').getByLabel(/driver/i).selectOption({ label: `${input.driverName} (${input.driverEmail})` });
    await page.getByTestId('card-id-tag').fill(input.cardIdTag);
    await page.getByTestId('card-label').fill('Key fob');
    await page.getByTestId('save-card').click();
    await page.getByTestId('cards-table').getByText(input.cardIdTag).waitFor();
    await b.screenshot('cards');
    return {};
  },

  /** The operator's admin sees the charged session, its curve, the report, and bills it. */
  async operatorSeesSessionAndBills(b, findings) {
    const { page } = b;
    await signIn(page, input.gateway, input.username, input.password);
    await visit(b, 'nav-sessions', 'sessions', findings);
    const row = page.getByTestId(`row-${input.sessionId}`);
    await row.waitFor();
    check((await row.innerText()).includes(input.driverName), `the session's row names ${input.driverName}`);
    await row.getByRole('link').first().click();
    await page.getByTestId('meter-curve-chart').waitFor();
    await page.waitForLoadState('networkidle');
    await b.screenshot('session-detail');
    const detail = await seriousAccessibilityViolations(page);
    if (detail.length) findings.push({ page: 'session-detail', violations: detail });

    await visit(b, 'nav-dashboard', 'dashboard-with-session', findings);
    await page.getByTestId('energy-chart').locator('svg').first().waitFor();

    await visit(b, 'nav-report', 'report', findings);
    await page.getByTestId('report-from').fill(input.periodStart);
    await page.getByTestId('report-to').fill(input.periodEnd);
    await page.getByTestId('show-report').click();
    await page.getByTestId('report-totals').waitFor();
    await page.waitForLoadState('networkidle');
    await b.screenshot('report-of-the-month');
    const csv = (await saveDownload(page, () => page.getByTestId('download-report-csv').click(), 'report.csv')).toString('utf8');
    check(csv.includes(input.driverName) && csv.includes('12.340'), 'the CSV report lists the driver\'s 12.340 kWh');
    const xlsx = await saveDownload(page, () => page.getByTestId('download-report-xlsx').click(), 'report.xlsx');
    check(xlsx.subarray(0, 2).toString('latin1') === 'PK', 'the XLSX report is a workbook (zip)');

    await visit(b, 'nav-billing', 'billing', findings);
    await page.getByTestId('billing-period-start').fill(input.periodStart);
    await page.getByTestId('start-billing-run').click();
    await page.getByTestId('billing-run-result').waitFor({ timeout: 60_000 });
    await b.screenshot('billing-run');
    await page.getByTestId('tab-invoices').click();
    const invoices = page.getByTestId('invoices-table');
    await invoices.waitFor();
    const pdfButton = invoices.locator('[data-testid^="invoice-pdf-"]').first();
    await pdfButton.waitFor();
    const invoiceId = (await pdfButton.getAttribute('data-testid')).substring('invoice-pdf-'.length);
    const pdf = await saveDownload(page, () => pdfButton.click(), 'invoice.pdf');
    check(pdf.subarray(0, 5).toString('latin1') === '%PDF-', 'the invoice opens as a PDF');
    await b.screenshot('invoices');
    return { invoiceId };
  },

  /** The driver sees their own session and invoice, and reports the card lost. */
  async driverSeesOwnAndReportsCardLost(b, findings) {
    const { page } = b;
    await signIn(page, input.gateway, input.username, input.password);
    await visit(b, 'nav-my-sessions', 'my-sessions', findings);
    await page.getByTestId(`row-${input.sessionId}`).waitFor();
    await page.getByTestId('my-usage-chart').waitFor();

    await visit(b, 'nav-my-invoices', 'my-invoices', findings);
    await page.getByTestId(`row-${input.invoiceId}`).waitFor();
    const pdf = await saveDownload(page, () => page.getByTestId(`invoice-pdf-${input.invoiceId}`).click(), 'my-invoice.pdf');
    check(pdf.subarray(0, 5).toString('latin1') === '%PDF-', 'the driver\'s invoice opens as a PDF');

    await visit(b, 'nav-my-cards', 'my-cards', findings);
    await page.getByTestId(`report-lost-${input.cardId}`).click();
    await page.getByTestId('confirm-report-lost').click();
    await page.getByTestId(`row-${input.cardId}`).getByText(/lost/i).waitFor();
    await b.screenshot('my-cards-lost');
    return {};
  },

  /** Another operator's admin finds none of it: not in the lists, not by address. */
  async otherOperatorSeesNothing(b) {
    const { page } = b;
    await signIn(page, input.gateway, input.username, input.password);
    await page.getByTestId('nav-sessions').click();
    await page.getByTestId('page-heading').first().waitFor();
    await page.waitForLoadState('networkidle');
    check(await page.getByTestId(`row-${input.sessionId}`).count() === 0, 'another operator\'s session is not listed');
    await page.getByTestId('nav-drivers').click();
    await page.waitForLoadState('networkidle');
    check(await page.getByText(input.driverName).count() === 0, 'another operator\'s driver is not listed');
    await page.goto(`${input.gateway}/sessions/${input.sessionId}`);
    await page.getByTestId('problem').waitFor();
    check(await page.getByTestId('meter-curve-chart').count() === 0, 'another operator\'s session does not open');
    await b.screenshot('other-operator-session');
    return {};
  },

  /** Times the portal's pages as a signed-in person opens them: until the page shows its data. */
  async measurePageLoad(b) {
    const { page } = b;
    await signIn(page, input.gateway, input.username, input.password);
    if (input.coldCache) {
      // every round a first visit: nothing from the browser's cache (the session cookie stays)
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    const rounds = input.rounds || 10;
    const measure = async (pathName, ready) => {
      const times = [];
      for (let i = 0; i < rounds; i++) {
        const started = Date.now();
        await page.goto(input.gateway + pathName, { waitUntil: 'commit' });
        await ready();
        times.push(Date.now() - started);
      }
      return times;
    };
    const dashboard = await measure('/', () => page.getByTestId('energy-chart').locator('svg').first().waitFor());
    const dashboardResources = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((r) => `${new URL(r.name).pathname} at ${Math.round(r.startTime)} ms for ${Math.round(r.duration)} ms`));
    // a row, or the empty state of an operator without sessions
    const sessions = await measure('/sessions', () => page.locator('[data-testid="sessions-table"] tbody tr, [data-testid="empty-state"]').first().waitFor());
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { domContentLoaded: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd),
        resources: performance.getEntriesByType('resource').map((r) => `${new URL(r.name).pathname} at ${Math.round(r.startTime)} ms for ${Math.round(r.duration)} ms`),
        transferred: performance.getEntriesByType('resource').reduce((sum, r) => sum + (r.transferSize || 0), nav.transferSize || 0) };
    });
    return { dashboard, sessions, lastNavigation: timing, dashboardResources };
  },
};

async function main() {
  const run = steps[step];
  if (!run) {
    console.error(`Unknown step ${step}; the steps are ${Object.keys(steps).join(', ')}`);
    process.exit(2);
  }
  const b = await openBrowser({ screenshots });
  const findings = [];
  try {
    const result = await run(b, findings);
    check(b.outside.length === 0, `pages asked hosts other than localhost: ${b.outside.join(', ')}`);
    check(b.consoleErrors.length === 0, `pages threw script errors: ${b.consoleErrors.join(' | ')}`);
    check(findings.length === 0, `serious accessibility violations: ${JSON.stringify(findings)}`);
    console.log('RESULT ' + JSON.stringify(result));
  } catch (error) {
    await b.screenshot(`failed-${step}`).catch(() => {});
    console.error(`Step ${step} failed at ${b.page.url()}: ${error.stack || error}`);
    process.exitCode = 1;
  } finally {
    await b.close();
  }
}

await main();
