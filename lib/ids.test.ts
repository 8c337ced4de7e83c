import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isUuid } from "./ids";

describe("isUuid", () => {
  it("accepts any 8-4-4-4-12 hex id, either case, and nothing else", () => {
    expect(isUuid(randomUUID())).toBe(true);
    expect(isUuid(randomUUID().toUpperCase())).toBe(true);
    expect(isUuid("00000000-0000-0000-0000-000000000000")).toBe(true);
    for (const value of ["not-a-uuid", "", `${randomUUID()}x`, "'; DROP TABLE events; --", null, undefined, 5]) expect(isUuid(value)).toBe(false);
  });
});
