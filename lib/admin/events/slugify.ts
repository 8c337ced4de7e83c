// A web-safe id from a label: "Fado à Noite" → "fado-a-noite". Pure: the event form suggests
// the event's web address with it, and a question's choice gets its id from its label.
export function slugify(label: string, max = 80): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}
