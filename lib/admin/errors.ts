// Expected outcomes of admin work: shown to the admin (next to a field when `fieldErrors`
// names one), nothing written. Anything else is unexpected: logged, answered generically.
export type AdminErrorCode =
  | "forbidden"
  | "invalid"
  | "not_found"
  | "conflict"
  | "overlap"
  | "capacity"
  | "in_use"
  | "not_refundable"
  | "busy";

export class AdminError extends Error {
  constructor(
    readonly code: AdminErrorCode,
    message: string,
    /** Form field path → message, e.g. `sessions.0.startsAt`. */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AdminError";
  }
}

export function isAdminError(error: unknown): error is AdminError {
  return error instanceof AdminError;
}

/** The name of the constraint a PostgreSQL error reports, wherever the driver put it. */
export function violatedConstraint(error: unknown, names: readonly string[]): string | null {
  const seen = new Set<unknown>();
  const texts: string[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as { message?: unknown; meta?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof record.message === "string") texts.push(record.message);
    if (typeof record.constraint === "string") texts.push(record.constraint);
    if (record.meta) texts.push(JSON.stringify(record.meta));
    current = record.cause;
  }
  const text = texts.join("\n");
  return names.find((name) => text.includes(name)) ?? null;
}
