import { inject } from "vitest";

const url = inject("databaseUrl");
const host = new URL(url).hostname;
// Never let a test truncate or fill a database that is not the local test server.
if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`Refusing to run tests against ${host}`);
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_SIZE = "20";
