// The HTML report in a real browser: Debian's chromium driven by playwright-core. Skipped where no
// chromium is installed, unless QDA_REQUIRE_BROWSER is set (CI installs chromium and sets it).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { qda } from '../helpers/run-cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.QDA_REQUIRE_BROWSER) throw new Error(`browser tests need chromium at ${CHROMIUM}`);
const SCREENSHOTS = 'out/screenshots';

describe.runIf(available)('qda report in chromium', () => {
  let browser: Browser;
  let dir: string;
  let file: string;
  let clusters: { columns: string[]; rows: { id: string; values: number[]; total: number }[] };

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    dir = mkdtempSync(join(tmpdir(), 'qda-report-'));
    file = join(dir, 'report.html');
    const r = await qda(['report', 'examples/rotterdam', '--out', file, '-q']);
    expect(r.code).toBe(0);
    clusters = JSON.parse((await qda(['matrix', 'examples/rotterdam', '--level', 'cluster', '--format', 'json', '-q'])).stdout);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A page on the report that records console errors and every request other than the file itself. */
  async function open(javaScriptEnabled = true): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    const url = pathToFileURL(file).href;
    await context.route('**/*', (route) => {
      if (route.request().url() !== url) requests.push(route.request().url());
      return route.request().url() === url ? route.continue() : route.abort();
    });
    await page.goto(url);
    return { page, errors, requests };
  }

  test('is one small file that asks for nothing and logs no error', async () => {
    expect(statSync(file).size).toBeLessThan(2_000_000);
    const { page, errors, requests } = await open();
    await page.waitForLoadState('load');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report.png'), fullPage: false });
  });

  test('heatmap cells equal the theme matrix', async () => {
    const { page } = await open();
    const header = await page.$$eval('.heatmap thead th', (ths) => ths.map((th) => th.textContent?.trim()));
    expect(header.slice(1, -1)).toEqual(clusters.columns);
    const rows = await page.$$eval('.heatmap tr.cluster', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent?.trim()))),
    );
    expect(rows).toEqual(clusters.rows.map((r) => [...r.values, r.total]));
  });

  test('a cluster opens with the keyboard, and a cell shows its excerpts with citations', async () => {
    const { page, errors } = await open();
    const toggle = page.locator('.heatmap tr.cluster th button').first();
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.heatmap tr.code:not(.hidden)').count()).toBeGreaterThan(2);

    const cell = page.locator('.heatmap tr.cluster td button').nth(1);
    const count = Number(await cell.textContent());
    await cell.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog#excerpts');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await dialog.locator('li').count()).toBe(count);
    expect(await dialog.locator('h2').textContent()).toContain(`(${count})`);
    const citation = await dialog.locator('cite').first().textContent();
    expect(citation).toMatch(/^examples\/rotterdam\/corpus\/.+\.md:\d+$/);
    const [path, line] = citation!.split(/:(?=\d+$)/);
    const quoted = (await dialog.locator('blockquote').first().textContent())!.replace(/^[^:]{1,30}: /, '').slice(0, 25);
    expect(readFileSync(path, 'utf8').split('\n')[Number(line) - 1]).toContain(quoted.split(' ').slice(0, 3).join(' '));
    // The words that found the excerpt, as words: no pattern source, no wildcard.
    const matched = await dialog.locator('.matched').allTextContents();
    expect(matched.length).toBeGreaterThan(0);
    for (const m of matched) expect(m).toMatch(/^gevonden via: [^\\*()|/]+$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-excerpts.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-col'))).toBe('1');
    expect(errors).toEqual([]);
  });

  test('every heatmap cell has text at 4.5:1 contrast or more', async () => {
    const { page } = await open();
    const ratios = await page.$$eval('.heatmap td', (tds) => {
      const luminance = (css: string) => {
        const [r, g, b] = css
          .match(/\d+(\.\d+)?/g)!
          .slice(0, 3)
          .map((v) => Number(v) / 255)
          .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return tds.map((td) => {
        const style = getComputedStyle(td);
        const bg = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : style.backgroundColor;
        const [a, b] = [luminance(bg), luminance(style.color)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
      });
    });
    expect(ratios.length).toBeGreaterThan(20);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(4.5);
  });

  test('prints with every code row and without the dialog or buttons in view', async () => {
    const { page } = await open();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.heatmap tr.code').first().isVisible()).toBe(true);
    expect(await page.locator('nav').isVisible()).toBe(false);
  });

  test('without JavaScript every table is there to read', async () => {
    const { page } = await open(false);
    expect(await page.locator('.heatmap tr.code').first().isVisible()).toBe(true);
    expect(await page.locator('table.summary').count()).toBe(4);
    expect(await page.locator('table.summary').first().textContent()).toContain('Toelichting');
    expect(await page.locator('#codebook dt').count()).toBeGreaterThanOrEqual(20);
  });
});
