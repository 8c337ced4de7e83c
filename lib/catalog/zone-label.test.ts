import { describe, expect, it } from "vitest";
import { zoneDiffers, zoneName } from "./zone-label";

describe("saying a time's zone", () => {
  const winter = new Date("2026-12-18T19:00:00Z");
  const summer = new Date("2027-07-18T19:00:00Z");

  it("only where the venue's clock differs from the reader's at that instant", () => {
    expect(zoneDiffers(winter, "Europe/London", "Europe/Lisbon")).toBe(false);
    expect(zoneDiffers(winter, "Europe/Berlin", "Europe/Madrid")).toBe(false);
    expect(zoneDiffers(winter, "Europe/Berlin", "Europe/London")).toBe(true);
    expect(zoneDiffers(summer, "Europe/Lisbon", "Europe/London")).toBe(false);
    // Before the reader's zone is known (the server's render), it is said.
    expect(zoneDiffers(winter, "Europe/London", null)).toBe(true);
    expect(zoneDiffers(winter, "Europe/London", "Not/AZone")).toBe(true);
  });

  it("names the zone as the reader's language does", () => {
    expect(zoneName(winter, "Europe/London")).toBe("GMT");
    expect(zoneName(winter, "Europe/Berlin")).toBe("CET");
    expect(zoneName(summer, "Europe/Berlin")).toBe("CEST");
    expect(zoneName(winter, "Europe/Berlin", "de")).toBe("MEZ");
  });
});
