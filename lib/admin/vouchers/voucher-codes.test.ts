import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, randomCode, randomCodes } from "./voucher-codes";
import { VOUCHER_CODE } from "./schemas";

describe("randomCode", () => {
  it("draws stored-shape codes of the alphabet without look-alike letters", () => {
    for (let i = 0; i < 200; i++) {
      const code = randomCode("SUMMER-");
      expect(code).toMatch(VOUCHER_CODE);
      expect(code.startsWith("SUMMER-")).toBe(true);
      expect(code.slice(7)).toMatch(new RegExp(`^[${CODE_ALPHABET}]{10}$`));
    }
    expect(CODE_ALPHABET).not.toMatch(/[IOL01]/);
  });

  it("gives distinct codes that avoid the taken ones", () => {
    const taken = new Set(randomCodes(50));
    const codes = randomCodes(1000, "", taken);
    expect(new Set(codes).size).toBe(1000);
    expect(codes.some((code) => taken.has(code))).toBe(false);
  });
});
