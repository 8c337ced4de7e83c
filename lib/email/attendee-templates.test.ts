import { describe, expect, it } from "vitest";
import { attendeeMessageEmail, plainTextHtml, reminderEmail } from "./attendee-templates";
import { isFinalEmailFailure, isPermanentEmailFailure } from "./delivery-failure";
import { EmailSendError } from "./send-email";

const hostile = `<script>alert("x")</script> & 'friends'`;

describe("an organiser's message", () => {
  it("keeps the admin's words as plain text: escaped, paragraphs at blank lines, line breaks kept", () => {
    expect(plainTextHtml("One\nTwo\r\n\r\nThree <b>")).toBe('<p style="margin:0 0 12px;">One<br>Two</p>\n<p style="margin:0 0 12px;">Three &lt;b&gt;</p>');
    const { subject, html, text } = attendeeMessageEmail({ name: hostile, eventTitle: "Jazz", when: null, subject: "Doors\nopen", body: hostile });
    expect(subject).toBe("Doors open (Jazz)");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(text).toContain(hostile);
  });

  it("frames it in the reader's language (German with du)", () => {
    const { html, text } = attendeeMessageEmail({ name: "Lena", eventTitle: "Jazz", when: "Freitag, 5. März 2027, 20:30 MEZ", subject: "Einlass", body: "Ab 19 Uhr.", locale: "de" });
    expect(text).toContain("Der Veranstalter von Jazz hat eine Nachricht für alle mit Ticket:");
    expect(text).toContain("Wann: Freitag, 5. März 2027, 20:30 MEZ");
    expect(html).toContain("weil du ein Ticket für Jazz hast");
    expect(html).toContain('lang="de"');
  });
});

describe("the reminder", () => {
  const input = {
    name: "Rita",
    eventTitle: "Old Town Walk",
    when: "Friday, 5 March 2027, 10:00 WET",
    venueName: "Praça",
    venueAddress: "Rua 1",
    meetingPoint: "By the <fountain>",
    ticketCount: 2,
    ticketsUrl: "https://tickets.example/orders/1?access=abc",
  };

  it("says when, where to meet, and links to the tickets", () => {
    const { subject, html, text } = reminderEmail(input);
    expect(subject).toBe("Reminder: Old Town Walk, Friday, 5 March 2027, 10:00 WET");
    expect(text).toContain("Meeting point: By the <fountain>");
    expect(html).toContain("By the &lt;fountain&gt;");
    expect(text).toContain("Have your 2 tickets ready");
    expect(text).toContain("Open your tickets: https://tickets.example/orders/1?access=abc");
    expect(text).toContain("The calendar file is attached");
  });

  it("leaves the meeting point out when there is none, and speaks the buyer's language", () => {
    const { text } = reminderEmail({ ...input, meetingPoint: null, ticketCount: 1, locale: "es" });
    expect(text).not.toContain("Punto de encuentro");
    expect(text).toContain("Ten tu entrada a mano");
    expect(() => reminderEmail({ ...input, ticketsUrl: "javascript:alert(1)" })).toThrow();
  });
});

describe("a failed email", () => {
  const job = (attempts: number) => ({ attempts, max_attempts: 8 });

  it("is final when the provider refuses it, or on the job's last attempt", () => {
    expect(isPermanentEmailFailure(new EmailSendError("bad", 422, "validation_error"))).toBe(true);
    expect(isPermanentEmailFailure(new EmailSendError("bad", null, "invalid_recipient"))).toBe(true);
    for (const status of [429, 409, 500, null]) expect(isPermanentEmailFailure(new EmailSendError("later", status, "x"))).toBe(false);
    expect(isPermanentEmailFailure(new Error("socket hang up"))).toBe(false);
    expect(isFinalEmailFailure(new Error("socket hang up"), job(3))).toBe(false);
    expect(isFinalEmailFailure(new Error("socket hang up"), job(8))).toBe(true);
  });
});
