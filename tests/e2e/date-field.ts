import { expect, type Locator } from '@playwright/test';

/**
 * Types an ISO date ("2023-12-06") into a DateField (renderer/features/common/DateField.tsx) the
 * way a person does: into its first segment, in the order and with the separators the field
 * shows for the UI's language ("06.12.2023" in German, "06/12/2023" in British English).
 */
export async function typeDate(field: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const parts: Record<string, string | undefined> = { year, month, day };
  const segments = field.getByRole('spinbutton');
  const order = await segments.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.type ?? ''));
  const separator = (await field.locator('[data-type="literal"]').first().textContent())?.trim() ?? '';
  const typed = order.map((type) => parts[type] ?? '').join(separator);
  await segments.first().click();
  await field.page().keyboard.type(typed);
  await expect(segments.last()).not.toHaveAttribute('data-placeholder', 'true');
}

/** The date as the field shows it, without the invisible direction marks around segments. */
export async function shownDate(field: Locator): Promise<string> {
  const text = (await field.locator('.date-field-input').textContent()) ?? '';
  return text.replace(/[\u200e\u200f\u2066-\u2069]/g, '').trim();
}
