// isUuid (lib/ids.ts) for zod schemas: zod's guid is the same plain 8-4-4-4-12 hex shape
// (any UUID PostgreSQL stores, no RFC version check; ids.test.ts holds the two together).
// Apart from lib/ids.ts, which stays import-free for the browser and the door app.
import { z } from "zod";

export const ZId = z.guid({ error: "Invalid UUID" });
