import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZId } from "./id-schema";
import { isUuid } from "./ids";

const ACCEPTED = [randomUUID(), randomUUID().toUpperCase(), "00000000-0000-0000-0000-000000000000", "12345678-1234-1234-1234-123456789abc"];
const REFUSED = ["not-a-uuid", "", `${randomUUID()}x`, ` ${randomUUID()}`, "'; DROP TABLE events; --", null, undefined, 5];

describe("isUuid", () => {
  it("accepts any 8-4-4-4-12 hex id, either case, and nothing else", () => {
    for (const value of ACCEPTED) expect(isUuid(value)).toBe(true);
    for (const value of REFUSED) expect(isUuid(value)).toBe(false);
  });

  it("is the rule of the schema ZId too", () => {
    for (const value of [...ACCEPTED, ...REFUSED]) expect(ZId.safeParse(value).success).toBe(isUuid(value));
    expect(ZId.safeParse("nope").error?.issues[0].message).toBe("Invalid UUID");
  });
});
