import { inject } from "vitest";

const url = inject("databaseUrl");
const host = new URL(url).hostname;
// Never let a test truncate or fill a database that is not the local test server.
if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`Refusing to run tests against ${host}`);
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_SIZE = "20";
// Tests buy many orders with one user; the hold limit has its own test (lib/orders/transitions.integration.test.ts).
process.env.MAX_HELD_PLACES_PER_USER = "1000";
