// The one translation of validation issues (zod's, or an expected outcome's field) into the
// two forms the app answers with: `fieldErrors` for forms (a server action's ActionState,
// keyed like the form's input names: `sessions.0.startsAt`) and RFC 9457 `errors` for the
// JSON API (a JSON Pointer per value: `/sessions/0/startsAt`). Both come from the same path,
// so a form and an API client are told the same thing about the same field.
// No "server-only": client components read FieldErrors.

/** Form field path → the first message about it. */
export type FieldErrors = Record<string, string>;

/** One RFC 9457 `errors` member: where (a JSON Pointer, or a query parameter's name) and what. */
export type ProblemFieldError = { pointer: string; detail: string };

/** What fieldErrorsOf and issuesToErrors read of an issue (zod's $ZodIssue has these). */
export type ValidationIssue = {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly keys?: readonly string[];
};

/** Field key of a path when the caller does not name its own: the segments joined by dots, `form` for the whole. */
const dottedKey = (path: readonly PropertyKey[]) => path.map(String).join(".") || "form";

/**
 * The first message per field. `keyOf` names the field when the form's input names differ
 * from the schema's paths (checkout's `quantity.<ticketTypeId>` for `items.<index>.quantity`).
 */
export function fieldErrorsOf(issues: readonly ValidationIssue[], keyOf: (path: readonly PropertyKey[]) => string = dottedKey): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[keyOf(issue.path)] ??= issue.message;
  return errors;
}

const escapePointerSegment = (segment: PropertyKey) => String(segment).replace(/~/g, "~0").replace(/\//g, "~1");

/** A JSON Pointer (RFC 6901) to the value at `path`; "" is the whole document. */
export function pointerOf(path: readonly PropertyKey[]): string {
  return path.length ? `/${path.map(escapePointerSegment).join("/")}` : "";
}

/** Issues as RFC 9457 `errors`, each with a JSON Pointer (RFC 6901) to the bad value. */
export function issuesToErrors(issues: readonly ValidationIssue[]): ProblemFieldError[] {
  return issues.map((issue) => {
    // An unknown key is reported at its parent; point at the key itself.
    if (issue.code === "unrecognized_keys" && issue.keys?.length) {
      return { pointer: pointerOf([...issue.path, issue.keys[0]]), detail: `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}` };
    }
    return { pointer: pointerOf(issue.path), detail: issue.message };
  });
}

/** Form field errors (`sessions.0.startsAt`, `form`) as RFC 9457 `errors` (`/sessions/0/startsAt`, ``). */
export function fieldErrorsToErrors(fieldErrors: FieldErrors | undefined): ProblemFieldError[] {
  return Object.entries(fieldErrors ?? {}).map(([field, detail]) => ({ pointer: field === "form" ? "" : pointerOf(field.split(".")), detail }));
}
