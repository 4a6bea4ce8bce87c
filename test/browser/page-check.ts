import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { closedDropdowns } from './support';

/**
 * What the browser tier does on every page it visits: a full-page screenshot (into the
 * git-ignored .browser-screenshots/, named page.language) and an axe-core accessibility scan
 * (WCAG 2 A/AA rules) that must find no serious or critical violation.
 */
export const SCREENSHOTS = join(__dirname, '..', '..', '.browser-screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export async function checkPage(page: Page, name: string): Promise<void> {
  // A hovered button's colour is not what axe should judge (the pointer rests where the last
  // click was); then let antd's entrance animations settle: axe measures colours as drawn.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  // 400 ms is not always enough on a loaded machine: a modal still fading in was measured at a
  // contrast of 1.03 (seen once in CI). Wait until no finite animation runs (a spinner's infinite
  // one may go on). A string: the test code is compiled without the DOM's types; polled from
  // here, because the app's CSP refuses the string function `page.waitForFunction` would build.
  await expect
    .poll(() =>
      page.evaluate<boolean>(
        "document.getAnimations().every((a) => a.playState !== 'running' || " +
          'a.effect?.getComputedTiming().endTime === Infinity)',
      ),
    )
    .toBe(true);
  // A toast (antd message) leaves after 3 s with a fade: axe, slower than that on a loaded
  // machine, measured its text mid-fade at a contrast of 1.01 (seen in CI). Judge the page at rest.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  const lang = await page.evaluate<string>("window.localStorage.getItem('aso.lang') ?? 'zh-CN'");
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.${lang}.png`), fullPage: true });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} :: ${n.failureSummary ?? ''}`),
    }));
  expect({ page: `${name}.${lang}`, serious }).toEqual({ page: `${name}.${lang}`, serious: [] });
}

/** Switches the app's language with the header's (or the login card's) switch. */
export async function switchLanguage(page: Page, to: 'zh-CN' | 'en-US'): Promise<void> {
  await page.getByTestId('language').click();
  await page
    .locator(
      `.ant-select-dropdown:visible .ant-select-item-option[title="${to === 'zh-CN' ? '中文' : 'English'}"]`,
    )
    .click();
  await expect
    .poll(() => page.evaluate<string>("window.localStorage.getItem('aso.lang') ?? 'zh-CN'"))
    .toBe(to);
  await closedDropdowns(page);
}

