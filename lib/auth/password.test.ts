import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashPassword, MAX_PASSWORD_BYTES, needsRehash, PASSWORD_COST, UNKNOWN_USER_HASH, ZNewPassword } from "./password";
import { ZSignUp } from "./users";

describe("passwords (issue 16, item 11)", () => {
  it("hashes with cost 12, and the unknown-user hash costs the same", async () => {
    expect(PASSWORD_COST).toBe(12);
    expect(bcrypt.getRounds(await hashPassword("correct horse battery"))).toBe(12);
    expect(bcrypt.getRounds(UNKNOWN_USER_HASH)).toBe(12);
    expect(needsRehash("$2b$10$.8IiELlzzf3utqac6stPSeP5huer0IhNTPZjGtgacRgxjgqb0wUbW")).toBe(true);
    expect(needsRehash(UNKNOWN_USER_HASH)).toBe(false);
  });

  it("refuses passwords over 72 bytes (bcrypt would ignore the rest), counting bytes, not characters", async () => {
    expect(MAX_PASSWORD_BYTES).toBe(72);
    expect(ZNewPassword.safeParse("a".repeat(72)).success).toBe(true);
    expect(ZNewPassword.safeParse("a".repeat(73)).success).toBe(false);
    // 25 characters, 75 bytes: two passwords that differ only after byte 72 would be the same to bcrypt.
    const euros = "€".repeat(25);
    const refused = ZSignUp.safeParse({ name: "Eu", email: "eu@example.test", password: euros });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["password"], message: expect.stringContaining("72 bytes") });
    await expect(hashPassword(euros)).rejects.toThrow(RangeError);
  });
});
