import { describe, expect, it } from "vitest";
import { escapeHtml, refundNoticeEmail, ticketsDeliveredEmail } from "./templates";

const hostile = `<script>alert("x")</script> & 'friends'`;

const delivered = {
  buyerName: hostile,
  eventTitle: `Jazz ${hostile}`,
  when: "Friday, 5 March 2027, 20:30 WET",
  venueName: "Hall <b>Baixa</b>",
  venueAddress: "Rua Augusta 1",
  orderReference: "LT-7K2M9QXD",
  ticketCount: 2,
  orderUrl: "https://tickets.example/orders/0f8fad5b-d9cb-469f-a165-70867728950e",
  downloadUrl: "https://tickets.example/api/tickets/download?order=0f8f&expires=1&sig=abc",
};

describe("email templates", () => {
  it("escapes every interpolated value in the HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const { html, text, subject } = ticketsDeliveredEmail(delivered);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>Baixa");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;");
    // Query strings stay intact, with & escaped inside the attribute.
    expect(html).toContain('href="https://tickets.example/api/tickets/download?order=0f8f&amp;expires=1&amp;sig=abc"');
    // The text part is plain text: nothing to escape, everything readable.
    expect(text).toContain(`Jazz ${hostile}`);
    expect(text).toContain("Order: LT-7K2M9QXD");
    expect(text).toContain(delivered.downloadUrl);
    expect(subject).toBe(`Your 2 tickets for Jazz ${hostile}`);
  });

  it("keeps the subject on one line and refuses non-web links", () => {
    expect(ticketsDeliveredEmail({ ...delivered, eventTitle: "Line\r\nBcc: someone@example.test" }).subject).not.toMatch(/[\r\n]/);
    expect(() => ticketsDeliveredEmail({ ...delivered, downloadUrl: "javascript:alert(1)" })).toThrow();
  });

  it("says why a refund happened", () => {
    const base = { buyerName: "Ana", eventTitle: "Tour", orderReference: "LT-1", amount: "€30", orderUrl: "https://tickets.example/orders/1" };
    expect(refundNoticeEmail({ ...base, reason: "hold_expired" }).text).toMatch(/after your hold on the places had run out/);
    expect(refundNoticeEmail({ ...base, reason: "booking_cancelled" }).html).toMatch(/Your booking was cancelled/);
    expect(refundNoticeEmail({ ...base, reason: "event_cancelled" }).text).toMatch(/organiser has cancelled this event/);
    expect(refundNoticeEmail({ ...base, reason: "refunded" }).text).toMatch(/refunded you in full/);
    expect(refundNoticeEmail({ ...base, eventTitle: null, reason: "hold_expired" }).subject).toBe("Refund for order LT-1");
  });
});
