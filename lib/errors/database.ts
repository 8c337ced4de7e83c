// Which database failures mean "try again shortly" rather than "broken": too busy right now,
// or the connection was lost (the server restarted, a network blip). For a lost connection
// the outcome of a statement in flight is unknown: a purchase resolves it by its request key
// (order_place), which is why a retry with the same Idempotency-Key is safe.
// Prisma wraps driver errors differently by path (raw queries: P2010 with the SQLSTATE in
// meta; the adapter: a DriverAdapterError whose cause carries it; the pg pool: a plain Error),
// so every layer of the error is looked at: causeChain is the one walk down the causes.

const BUSY_SQLSTATES = new Set([
  "57014", // query_canceled: statement_timeout
  "55P03", // lock_not_available: lock_timeout
  "53300", // too_many_connections
  "57P03", // cannot_connect_now (starting up, or shutting down)
  "57P01", // admin_shutdown: the server is stopping (fast or immediate shutdown)
  "57P02", // crash_shutdown: another backend crashed, the server is restarting
  "08000", // connection_exception
  "08003", // connection_does_not_exist
  "08006", // connection_failure
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08004", // sqlserver_rejected_establishment_of_sqlconnection
  // Prisma's codes for the same: server unreachable, timed out, closed the connection.
  "P1001",
  "P1002",
  "P1017",
  // Node's socket errors, as the pg driver passes them on (`code`).
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);

const BUSY_MESSAGES = [
  /timeout exceeded when trying to connect/i, // pg Pool: no connection free within connectionTimeoutMillis
  /connection terminated due to connection timeout/i,
  /canceling statement due to (statement|lock) timeout/i,
  /Unable to start a transaction in the given time/i, // Prisma P2028
  /too many clients already/i,
  // The pg driver's own words for a connection that went away under a query or a client.
  /Connection terminated unexpectedly/i,
  /Connection terminated/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /terminating connection due to (administrator command|crash of another server process)/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  // Prisma 7 raw queries may carry the SQLSTATE only in the message ("Code: `57P03`").
  /Code: `(57014|55P03|53300|57P0[123]|08\d{3})`/,
  /Query read timeout/i, // pg's query_timeout: a connection that hangs half-open
  /connect ECONNREFUSED/i,
  // Prisma's words for the same (raw queries wrap them in P2010 with the message only).
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /Timed out fetching a new connection from the connection pool/i,
];

/** The error and every cause under it, outermost first (a loop of causes is walked once). */
export function causeChain(error: unknown): object[] {
  const chain: object[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && !chain.includes(current)) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** Too busy, or unreachable for a moment: answer "try again" (503 with Retry-After), never 500. */
export function isDatabaseBusy(error: unknown): boolean {
  return causeChain(error).some((layer) => {
    const candidate = layer as { code?: unknown; originalCode?: unknown; meta?: Record<string, unknown>; message?: unknown };
    for (const code of [candidate.code, candidate.originalCode, candidate.meta?.code]) {
      if (typeof code === "string" && BUSY_SQLSTATES.has(code)) return true;
    }
    if (candidate.code === "P2028") return true;
    const messages = [candidate.message, candidate.meta?.message].filter((value): value is string => typeof value === "string");
    return messages.some((message) => BUSY_MESSAGES.some((pattern) => pattern.test(message)));
  });
}

/** The name of the constraint a PostgreSQL error reports (one of `names`), wherever the driver put it. */
export function violatedConstraint(error: unknown, names: readonly string[]): string | null {
  const texts = causeChain(error).flatMap((layer) => {
    const record = layer as { message?: unknown; meta?: unknown; constraint?: unknown };
    return [
      ...(typeof record.message === "string" ? [record.message] : []),
      ...(typeof record.constraint === "string" ? [record.constraint] : []),
      ...(record.meta ? [JSON.stringify(record.meta)] : []),
    ];
  });
  const text = texts.join("\n");
  return names.find((name) => text.includes(name)) ?? null;
}
