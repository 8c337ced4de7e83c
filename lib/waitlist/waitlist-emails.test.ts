import { describe, expect, it } from "vitest";
import { waitlistJoinedEmail, waitlistOfferEmail } from "./waitlist-emails";

// A ticket type's line waits for places; a bookable resource's line for a time (docs/decisions/0021):
// the same emails, worded for each, in every language.

const common = { name: "Rosa", eventTitle: "Sunset Sail", ticketTypeName: "Sailboat Gaivota, Thu 18 Dec 18:00–20:00", quantity: 1, leaveUrl: "http://shop.test/waitlist/1?token=t" };

describe("the waiting list's emails", () => {
  it("speak of a time for a bookable range, and of places for a ticket type", () => {
    const time = waitlistOfferEmail({ ...common, locale: "en", kind: "time", code: "WAIT-ABC", buyUrl: "http://shop.test/events/sail", until: "Tue 16 Dec 09:00" });
    expect(time.subject).toBe("The time you waited for at Sunset Sail is yours to book");
    expect(time.text).toContain("Sailboat Gaivota, Thu 18 Dec 18:00–20:00 at Sunset Sail came back and is held for you until Tue 16 Dec 09:00.");
    expect(time.text).toContain("Book your time: http://shop.test/events/sail");
    expect(time.text).not.toMatch(/place/i);
    const places = waitlistOfferEmail({ ...common, ticketTypeName: "Standing", quantity: 2, locale: "en", kind: "places", code: "WAIT-ABC", buyUrl: "http://shop.test/events/sail", until: "Tue 16 Dec 09:00" });
    expect(places.text).toContain("2 places (Standing) at Sunset Sail came back");
    expect(places.text).toContain("Buy your places");

    expect(waitlistJoinedEmail({ ...common, locale: "en", kind: "time", position: 1 }).text).toContain("You are waiting for Sailboat Gaivota, Thu 18 Dec 18:00–20:00 at Sunset Sail. If that time comes back");
    expect(waitlistJoinedEmail({ ...common, locale: "de", kind: "time", position: 1 }).text).toContain("Du wartest auf Sailboat Gaivota");
    expect(waitlistOfferEmail({ ...common, locale: "pt", kind: "time", code: "WAIT-ABC", buyUrl: "http://shop.test/", until: "amanhã" }).subject).toBe("O horário que esperava em Sunset Sail está à sua espera");
  });
});
