// A city's URL name: "Lisbon" → "lisbon", "New York" → "new-york", "Düsseldorf" →
// "dusseldorf". Pure; cities are the venues' own `city` values (there is no cities table).

export function citySlug(city: string): string {
  return city
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Whether `value` could be a city slug at all (checked before any database look-up). */
export function isCitySlug(value: string): boolean {
  return /^[\p{Ll}\p{N}]+(?:-[\p{Ll}\p{N}]+)*$/u.test(value) && value.length <= 80;
}
