/// <reference lib="dom" />
/**
 * plan.svg must be a picture a browser draws: load it in headless Chromium (Debian's `chromium`, skipped where it is not
 * installed, as the GraphiQL browser test), count one drawn bar per subnet and check the overflow shows past 100 %.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overflowDesign } from '../fixtures/advice/overflow-design.fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('plan.svg in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await t.app.getUrl();
    id = (await t.http.post('/v1/designs').send(overflowDesign()).expect(201)).body.id;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
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

  it('draws one bar per subnet, the overflowing ones past the 100 % line', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(`${baseUrl}/v1/designs/${id}/plan.svg`);
    expect(response?.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    const drawn = await page.evaluate(() => {
      const widths = (mark: string) =>
        [...document.querySelectorAll(`g.role-mark.${mark} > path`)].map((path) => (path as SVGGraphicsElement).getBBox().width);
      const line = document.querySelector<SVGGraphicsElement>('g.role-mark.limit-100 line, g.role-mark.limit-100 path');
      return {
        root: document.documentElement.tagName,
        usable: widths('usable-bar'),
        max: widths('used-max'),
        labels: [...document.querySelectorAll('g.role-axis-label text')].map((node) => node.textContent),
        hundred: line?.getBoundingClientRect().left ?? null,
      };
    });
    expect(drawn.root).toBe('svg');
    const subnets = overflowDesign().subnets;
    expect(drawn.usable).toHaveLength(subnets.length);
    expect(drawn.max).toHaveLength(subnets.length);
    for (const width of drawn.usable) expect(width).toBeGreaterThan(100);
    // private-a..c (the last three) need 1,080 of 1,019 addresses: their bars run past the usable bar.
    for (const i of [6, 7, 8]) expect(drawn.max[i]).toBeGreaterThan(drawn.usable[i]);
    for (const i of [0, 1, 2]) expect(drawn.max[i]).toBeLessThan(drawn.usable[i] * 0.05);
    expect(drawn.labels.some((label) => label?.startsWith('private-a'))).toBe(true);
    expect(drawn.hundred).not.toBeNull();
    expect(errors).toEqual([]);
  }, 120_000);
});
