import { describe, expect, it } from "vitest";
import { downloadLinkExpiry, signDownloadLink, verifyDownloadLink } from "./download-link";

const ORDER = "0f8fad5b-d9cb-469f-a165-70867728950e";
const params = (link: string) => new URL(link).searchParams;

describe("signed download links", () => {
  it("verifies until it expires", () => {
    const expiresAt = new Date("2027-01-31T12:00:00Z");
    const link = signDownloadLink(ORDER, expiresAt, "https://tickets.example");
    expect(link.startsWith("https://tickets.example/api/tickets/download?order=")).toBe(true);
    expect(verifyDownloadLink(params(link), new Date("2027-01-31T11:59:59Z"))).toBe(ORDER);
    expect(verifyDownloadLink(params(link), expiresAt)).toBeNull();
  });

  it("rejects another order, a later expiry, a bad signature and missing parts", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    const link = params(signDownloadLink(ORDER, new Date("2027-01-31T12:00:00Z"), "https://x.test"));
    const changed = (key: string, value: string) => {
      const copy = new URLSearchParams(link);
      copy.set(key, value);
      return copy;
    };
    expect(verifyDownloadLink(changed("order", "11111111-2222-4333-8444-555555555555"), now)).toBeNull();
    expect(verifyDownloadLink(changed("expires", String(Number(link.get("expires")) + 86_400)), now)).toBeNull();
    const sig = link.get("sig")!;
    expect(verifyDownloadLink(changed("sig", `${sig.slice(0, 10)}${sig[10] === "A" ? "B" : "A"}${sig.slice(11)}`), now)).toBeNull();
    expect(verifyDownloadLink(changed("sig", "short"), now)).toBeNull();
    expect(verifyDownloadLink(new URLSearchParams({ order: ORDER }), now)).toBeNull();
  });

  it("expires 30 days after payment or a day after the event, whichever is later", () => {
    const paidAt = new Date("2027-01-01T00:00:00Z");
    expect(downloadLinkExpiry(paidAt, new Date("2027-01-05T00:00:00Z")).toISOString()).toBe("2027-01-31T00:00:00.000Z");
    expect(downloadLinkExpiry(paidAt, new Date("2027-06-01T20:00:00Z")).toISOString()).toBe("2027-06-02T20:00:00.000Z");
    expect(downloadLinkExpiry(paidAt, null).toISOString()).toBe("2027-01-31T00:00:00.000Z");
  });
});
