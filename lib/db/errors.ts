// Which database failures mean "too busy right now, try again" rather than "broken".
// Prisma wraps driver errors differently by path (raw queries: P2010 with the SQLSTATE in
// meta; the adapter: a DriverAdapterError whose cause carries it; the pg pool: a plain Error),
// so every layer of the error is looked at: causeChain is the one walk down the causes.

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
