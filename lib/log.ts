// Unexpected errors are logged with context as one JSON line; the user sees a generic message.
export function logError(message: string, error: unknown, context: Record<string, unknown> = {}): void {
  const detail = error instanceof Error ? { name: error.name, error: error.message, stack: error.stack } : { error: String(error) };
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message, ...context, ...detail }));
}
