// Buying on the event page, for specs: the panel under the key facts holds the date, the
// quantities (steppers, one ticket preselected) and the "Reserve and pay <total>" button.
import { expect, type Page } from "@playwright/test";

/** The buying panel of the event page that is open. */
export function buyPanel(page: Page) {
  return page.locator("#buy");
}

/** Sets the quantity of the panel's first ticket type (one is preselected) and returns its ticket type id. */
export async function chooseTickets(page: Page, quantity: number): Promise<string> {
  const panel = buyPanel(page);
  const hidden = panel.locator('input[type="hidden"][name^="qty_"]').first();
  const typeId = (await hidden.getAttribute("name"))!.replace(/^qty_/, "");
  const output = panel.locator("output").first();
  for (let guard = 0; guard < 20 && Number(await output.textContent()) !== quantity; guard++) {
    const current = Number(await output.textContent());
    await panel.getByRole("button", { name: current < quantity ? /^One more / : /^One .* less$/ }).first().click();
  }
  await expect(output).toHaveText(String(quantity));
  return typeId;
}

/** Reserves what the panel shows (signed in: straight to payment) and pays with the local test provider. */
export async function reserveAndPayLocally(page: Page) {
  await buyPanel(page).getByRole("button", { name: /^Reserve and pay / }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/);
  await page.getByRole("button", { name: /^Pay .* \(test mode\)$/ }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+$/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
}
