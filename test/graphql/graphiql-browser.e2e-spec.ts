/// <reference lib="dom" />
/**
 * The GraphQL IDE must work with no internet: load /graphiql in headless Chromium (Debian's `chromium`), refuse every
 * request that leaves the app, run a query from the editor and read the result pane.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('offline GraphiQL in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await t.app.getUrl();
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
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders the IDE from local assets only and runs a query', async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(baseUrl.replace('[::1]', '127.0.0.1')) || url.startsWith(baseUrl)) return route.continue();
      external.push(url);
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${baseUrl}/graphiql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await editor.click();
    await page.evaluate(() => {
      const cm = (document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { setValue(v: string): void } })
        .CodeMirror;
      cm.setValue('{ instanceType(name: "m5.large") { name maxEnis ipv4PerEni } }');
    });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('ipv4PerEni'), undefined, {
      timeout: 30_000,
    });
    const result = await page.locator('.graphiql-response').textContent();
    expect(result).toContain('"maxEnis": 3');
    expect(result).toContain('"ipv4PerEni": 10');
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
