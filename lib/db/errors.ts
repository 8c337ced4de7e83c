// Which database failures mean "too busy right now, try again" rather than "broken".
// Prisma wraps driver errors differently by path (raw queries: P2010 with the SQLSTATE in
// meta; the adapter: a DriverAdapterError whose cause carries it; the pg pool: a plain Error),
// so every layer of the error is looked at.

const BUSY_SQLSTATES = new Set([
  "57014", // query_canceled: statement_timeout
  "55P03", // lock_not_available: lock_timeout
  "53300", // too_many_connections
  "57P03", // cannot_connect_now (starting up, or shutting down)
]);

const BUSY_MESSAGES = [
  /timeout exceeded when trying to connect/i, // pg Pool: no connection free within connectionTimeoutMillis
  /connection terminated due to connection timeout/i,
  /canceling statement due to (statement|lock) timeout/i,
  /Unable to start a transaction in the given time/i, // Prisma P2028
  /too many clients already/i,
];

export function isDatabaseBusy(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const candidate = current as { code?: unknown; originalCode?: unknown; meta?: Record<string, unknown>; message?: unknown; cause?: unknown };
    for (const code of [candidate.code, candidate.originalCode, candidate.meta?.code]) {
      if (typeof code === "string" && BUSY_SQLSTATES.has(code)) return true;
    }
    if (candidate.code === "P2028") return true;
    const messages = [candidate.message, candidate.meta?.message].filter((value): value is string => typeof value === "string");
    if (messages.some((message) => BUSY_MESSAGES.some((pattern) => pattern.test(message)))) return true;
    current = candidate.cause;
  }
  return false;
}
