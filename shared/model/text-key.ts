/**
 * A comparison key for header names and group names typed by people: case, accents, spaces,
 * hyphens and apostrophes do not count ("E-Mail-Adresse" = "email adresse", "Ім’я" = "Ім'я").
 * Letters of any script stay, so Cyrillic headers compare too.
 */
export function textKey(raw: string): string {
  return raw
    .normalize('NFKD')
    // Combining marks: ä → a. Ukrainian й and ї decompose too; every side of a comparison goes through here.
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Who a person is, for telling the same person from a new one: the email when there is one, else
 * name and organisation (compared through textKey). One rule for a roster imported again and a
 * name added at a table.
 */
export function participantKey(person: { name: string; organisation: string; email: string }): string {
  const email = person.email.trim();
  return email !== '' ? `@${email.toLocaleLowerCase()}` : `${textKey(person.name)}|${textKey(person.organisation)}`;
}
