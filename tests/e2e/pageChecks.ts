/**
 * What every portal page test does to a page state: axe-core in the page as it is, screenshots at 360 and 1280 px
 * with no sideways scrolling, and the staff login at /staff/login. Shared by the Chromium tests of the onboarding pages.
 */
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { totpCode } from '../../subgraphs/consent/src/services/identity/staffAuth';

export interface PageChecks {
  /** axe-core, then screenshots `<prefix>-<state>-<width>.png` at 360 and 1280 px, asserting no sideways scrolling; back to 1280. */
  shoot(page: Page, state: string): Promise<void>;
  violations: Array<{ state: string; rule: string; targets: string[] }>;
  checked: Set<string>;
}

export function pageChecks(screenshotDir: string, prefix: string, assertNoOverflow: (found: { state: string; width: number; overflow: number }) => void): PageChecks {
  const violations: PageChecks['violations'] = [];
  const checked = new Set<string>();
  async function shoot(page: Page, state: string): Promise<void> {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      // The picture first, so a page that scrolls sideways can be looked at.
      await page.screenshot({ path: path.join(screenshotDir, `${prefix}-${state}-${width}.png`), fullPage: true });
      assertNoOverflow({ state, width, overflow });
      const found = await axeFindings(page);
      for (const { rule, targets } of found) violations.push({ state: `${state}-${width}`, rule, targets });
      checked.add(`${state}-${width}`);
    }
  }
  return { shoot, violations, checked };
}

/**
 * Waits until the page has a title, asked from here by `page.evaluate` (run through the DevTools protocol, which the
 * portal's Content Security Policy allows). `page.waitForFunction` with an expression polls it by `eval` inside the
 * page, which that policy refuses (no 'unsafe-eval'): it failed whenever the title was not there at the first look.
 */
async function titleShown(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>('document.title.trim() !== ""'))) {
    if (Date.now() > deadline) throw new Error(`the page had no title after ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
}

/** axe-core's violations (WCAG 2.x A/AA and best practices, any impact) in the page as it is now. */
export async function axeFindings(page: Page): Promise<Array<{ rule: string; impact: string; targets: string[] }>> {
  // Next streams an async generateMetadata's <title> after the page's body (a server action's re-render included):
  // wait for it, so axe judges the page as it settles, not the instant between the two.
  await titleShown(page, 15_000);
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const inPage = globalThis as unknown as { axe: typeof axe; document: axe.ElementContext };
    const result = await inPage.axe.run(inPage.document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ rule: violation.id, impact: violation.impact ?? 'unknown', targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
  });
}

/** Logs in at /staff/login; `stepsAhead` picks the next 30 s code so a code used just before is never reused. */
export async function staffLogin(portalUrl: string, page: Page, facilityCode: string | undefined, staffId: string, password: string, secret: string, stepsAhead = 0): Promise<void> {
  await page.goto(`${portalUrl}/staff/login`);
  if (facilityCode) await page.fill('#facilityCode', facilityCode);
  await page.fill('#staffId', staffId);
  await page.fill('#password', password);
  await page.fill('#totp', totpCode(secret, new Date(Date.now() + stepsAhead * 30_000)));
  await page.click('main button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/staff/login'));
}
