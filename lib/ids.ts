// The one id check. Every row id is a PostgreSQL uuid; a string that is not one is refused
// before it reaches a query (a `::uuid` cast would otherwise throw, and a 500 for a mistyped
// link is wrong). The plain 8-4-4-4-12 hex shape, without an RFC 9562 version check:
// whatever PostgreSQL stores is accepted. No imports: the browser (lib/realtime/types.ts)
// and the door app (lib/tickets/signing.ts) use it too.
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_SHAPE.test(value);
}
