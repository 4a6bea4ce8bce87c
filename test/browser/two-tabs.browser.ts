import { expect, test } from '@playwright/test';
import { base, logIn } from './support';

/**
 * Two tabs, one session (issue 11): the refresh token is single use and rotated on every
 * renewal, and a used one presented again ends every session of the user. When two tabs renew
 * at once (both reloaded together: each asks the refresh cookie for a session on load), they
 * take turns under a Web Lock (navigator.locks in apps/web/src/api/client.ts), the second
 * sending the cookie the first one's renewal set — neither is logged out.
 */
test('two pages of one context reloaded at once, three times: both stay signed in, and both can still call the API', async ({
  context,
}) => {
  const first = await context.newPage();
  await logIn(first, 'cs-01');
  const second = await context.newPage();
  await second.goto(`${base()}/`);
  await expect(second.getByTestId('whoami')).toContainText('cs-01');
  for (let round = 0; round < 3; round += 1) {
    await Promise.all([first.reload(), second.reload()]);
    for (const page of [first, second]) {
      await expect(page.getByTestId('whoami')).toContainText('cs-01');
      await expect(page).not.toHaveURL(/\/login/);
    }
  }
  // The session really is alive in both: an in-app page loads data from the API.
  for (const page of [first, second]) {
    await page.getByTestId('nav-caseSearch').click();
    await expect(page.getByTestId('case-search')).toBeVisible();
    await expect(page).not.toHaveURL(/\/login/);
  }
  const locks = await first.evaluate<boolean>("typeof navigator.locks?.request === 'function'");
  expect(locks).toBe(true);
});
