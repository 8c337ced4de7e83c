import { describe, expect, it } from "vitest";
import { describeWhen } from "./describe-when";

describe("describeWhen", () => {
  it("shows a session start on the venue's clock with its zone", () => {
    expect(describeWhen({ startsAt: new Date("2027-03-05T20:30:00Z"), timeZone: "Europe/Berlin" })).toBe("Friday, 5 March 2027, 21:30 CET");
  });

  it("shows a booked range, naming the end day only when it differs", () => {
    const startsAt = new Date("2027-07-01T09:00:00Z");
    expect(describeWhen({ startsAt, endsAt: new Date("2027-07-01T11:00:00Z"), timeZone: "Europe/Lisbon", range: true }))
      .toBe("Thursday, 1 July 2027, 10:00–12:00 WEST");
    expect(describeWhen({ startsAt, endsAt: new Date("2027-07-02T01:00:00Z"), timeZone: "Europe/Lisbon", range: true }))
      .toBe("Thursday, 1 July 2027, 10:00–Friday, 2 July 2027, 02:00 WEST");
  });
});
