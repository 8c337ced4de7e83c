import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { accountEmail, type AccountEmailKind } from "./account-templates";

const KINDS: AccountEmailKind[] = ["reset", "signIn", "join", "verify", "taken"];
const url = "https://tickets.example/reset-password?token=abc";

describe("accountEmail", () => {
  it("writes every kind in every language, with the link in both parts and the lifetime said", () => {
    for (const locale of LOCALES) {
      for (const kind of KINDS) {
        const email = accountEmail({ kind, name: "Ana", url, resetUrl: "https://tickets.example/forgot-password", minutes: 30, locale });
        expect(email.subject.length).toBeGreaterThan(3);
        expect(email.html).toContain(`lang="${locale}"`);
        expect(email.html).toContain(url);
        expect(email.text).toContain(url);
        if (kind !== "taken") expect(email.text).toContain("30");
        if (kind === "taken") expect(email.text).toContain("/forgot-password");
      }
    }
  });

  it("escapes the name and refuses a non-web link", () => {
    const email = accountEmail({ kind: "verify", name: "<script>x</script>", url, locale: "en" });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
    expect(() => accountEmail({ kind: "reset", name: null, url: "javascript:alert(1)" })).toThrow(/javascript/);
  });
});
