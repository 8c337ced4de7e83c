import { describe, expect, it } from "vitest";
import { luhnValid, scrubLogLine } from "./log";

describe("scrubLogLine", () => {
  it("removes configured secrets wherever they appear", () => {
    expect(scrubLogLine(`{"msg":"failed with abcdefghijklmnop123 inside"}`, ["abcdefghijklmnop123"])).toBe(`{"msg":"failed with [redacted] inside"}`);
  });

  it("removes keys, hashes, tokens and database passwords by their shape", () => {
    const line = scrubLogLine(
      'sk_live_abcdef123456 whsec_abcdefgh1234 $2b$10$.8IiELlzzf3utqac6stPSeP5huer0IhNTPZjGtgacRgxjgqb0wUbW Bearer abc.def-ghi postgresql://app:s3cret@db:5432/x',
      [],
    );
    expect(line).toBe("sk_live_[redacted] whsec_[redacted] [redacted] Bearer [redacted] postgresql://app:[redacted]@db:5432/x");
  });

  it("removes card numbers (Luhn-valid) but keeps ids, UUIDs and other numbers", () => {
    expect(scrubLogLine('{"note":"card 4242 4242 4242 4242","n":"4000-0566-5566-5556"}', [])).toBe('{"note":"card [redacted]","n":"[redacted]"}');
    const keep = '{"orderId":"12345678-1234-4123-8123-123456789012","ms":1234567890123,"n":"4242424242424241"}';
    expect(scrubLogLine(keep, [])).toBe(keep);
  });

  it("checks Luhn", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
  });
});
