import { z } from 'zod';

const email = z.email();

/** Whether `raw` (trimmed) is an email address, or empty: the roster's rule, for import and editing alike. */
export function isEmailOrEmpty(raw: string): boolean {
  const text = raw.trim();
  return text === '' || email.safeParse(text).success;
}
