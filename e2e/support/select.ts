/**
 * Choosing from an antd Select the way a user does: open it, bring the option into view, click it,
 * and check the field now shows it.
 *
 * Two traps made a plain "click the title" flaky on a loaded machine:
 * - antd renders only the options inside the list's window (a virtual list of about 8 rows), so
 *   the 11th of 12 data sources is not in the page until the list scrolls to it;
 * - a click that lands while the dropdown is still opening can be lost, and the form then fails
 *   later with a message about a different field.
 */
import type { Locator, Page } from 'playwright-core';

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
const ATTEMPTS = 3;

export async function choose(page: Page, label: string, option: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  const select = page.locator('.ant-select').filter({ has: field });
  const item = page.locator(OPEN_DROPDOWN).getByTitle(option, { exact: true });
  for (let attempt = 1; ; attempt++) {
    await field.click();
    await page.locator(OPEN_DROPDOWN).first().waitFor();
    // scroll with the arrow keys until the option is rendered; stop after a full lap
    for (let step = 0; step < 100 && !(await item.isVisible()); step++) {
      await page.keyboard.press('ArrowDown');
    }
    await item.click();
    if (await shows(select, option)) return;
    if (attempt === ATTEMPTS) {
      throw new Error(`「${label}」选择「${option}」后仍显示「${await select.textContent()}」`);
    }
    await page.keyboard.press('Escape');
  }
}

/** Whether the field shows `option` within a few seconds. */
function shows(select: Locator, option: string): Promise<boolean> {
  return select
    .filter({ hasText: option })
    .waitFor({ timeout: 5_000 })
    .then(
      () => true,
      () => false,
    );
}
