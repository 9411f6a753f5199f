/**
 * Taking an action on the officer's case page as a reviewer does: the action's button, then 确定
 * in its confirmation dialog, then the 「已办理：…」 message.
 *
 * When the message does not come, the failure says what the screen showed instead (any other
 * message, whether the dialog is still open) and saves a screenshot: an intermittent failure under
 * load must leave enough behind to find its cause.
 */
import type { Page } from 'playwright-core';
import { screenshotPath } from './browser';

export async function clickAndConfirm(page: Page, action: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  try {
    await page.getByText(`已办理：${action}`).first().waitFor();
  } catch (error) {
    const messages = await page.locator('.ant-message-notice').allTextContents();
    const dialogOpen = await dialog.isVisible();
    const shot = screenshotPath(`failed-${action}-${Date.now()}`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    throw new Error(
      `「${action}」之后没有出现「已办理：${action}」。页面上的提示：${messages.length ? messages.join('；') : '（无）'}；` +
        `确认对话框${dialogOpen ? '仍然打开' : '已关闭'}；页面 ${page.url()}；截图 ${shot}`,
      { cause: error },
    );
  }
}
