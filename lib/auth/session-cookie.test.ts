import { describe, expect, it } from "vitest";
import { sessionCookieOf } from "./session-cookie";

describe("sessionCookieOf", () => {
  it("finds Auth.js's session cookie, secure or not, whole or in chunks", () => {
    expect(sessionCookieOf("a=1; authjs.session-token=abc; b=2")).toEqual({ name: "authjs.session-token", value: "abc" });
    expect(sessionCookieOf("__Secure-authjs.session-token=xyz")).toEqual({ name: "__Secure-authjs.session-token", value: "xyz" });
    expect(sessionCookieOf("authjs.session-token.1=def; authjs.session-token.0=abc")).toEqual({ name: "authjs.session-token", value: "abcdef" });
  });

  it("finds nothing in other cookies", () => {
    expect(sessionCookieOf(undefined)).toBeNull();
    expect(sessionCookieOf("")).toBeNull();
    expect(sessionCookieOf("authjs.csrf-token=abc; xauthjs.session-token=1")).toBeNull();
  });
});
