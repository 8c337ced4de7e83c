import { describe, expect, it } from "vitest";
import { sameOriginRedirect } from "./redirect";

const baseUrl = "http://localhost:3000";

describe("sameOriginRedirect", () => {
  it("keeps a path a path, so the browser stays on the host it used (127.0.0.1, a LAN address)", () => {
    expect(sameOriginRedirect({ url: "/account?tab=upcoming#x", baseUrl })).toBe("/account?tab=upcoming#x");
    expect(sameOriginRedirect({ url: "/", baseUrl })).toBe("/");
  });

  it("turns an absolute URL on the app's own origin into its path", () => {
    expect(sameOriginRedirect({ url: "http://localhost:3000/checkout?event=x", baseUrl })).toBe("/checkout?event=x");
  });

  it("never leaves the site", () => {
    for (const url of [
      "https://evil.example/account",
      "//evil.example/x",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/.//evil.example",
      "http://localhost:3000//evil.example",
      "http://localhost:3000/.//evil.example",
      "http://localhost:3000/\t/evil.example",
      "http://localhost:3001/",
      "http://localhost:3000@evil.example/",
      "javascript:alert(1)",
      "not a url",
    ]) {
      expect(sameOriginRedirect({ url, baseUrl }), url).toBe("/");
    }
  });
});
