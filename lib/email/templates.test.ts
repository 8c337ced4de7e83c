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
    expect(refundNoticeEmail({ ...base, reason: "cancelled", fee: "€3" }).html).toMatch(/cancellation policy[\s\S]*Cancellation fee[\s\S]*€3/);
    expect(refundNoticeEmail({ ...base, reason: "event_cancelled" }).text).toMatch(/organiser has cancelled this event/);
    expect(refundNoticeEmail({ ...base, reason: "refunded" }).text).toMatch(/refunded you in full/);
    expect(refundNoticeEmail({ ...base, eventTitle: null, reason: "hold_expired" }).subject).toBe("Refund for order LT-1");
  });
});

describe("email templates in the buyer's language", () => {
  const plain = { ...delivered, buyerName: "Inês", eventTitle: "Fado à Noite", when: "sexta-feira, 5 de março de 2027, 20:30 WET" };
  const expected = {
    en: { subject: "Your 2 tickets for Fado à Noite", heading: "You're going, Inês!", download: "Download your tickets (PDF)" },
    pt: { subject: "Os seus 2 bilhetes para Fado à Noite", heading: "Vai lá estar, Inês!", download: "Descarregar os bilhetes (PDF)" },
    es: { subject: "Tus 2 entradas para Fado à Noite", heading: "¡Ya tienes plan, Inês!", download: "Descargar tus entradas (PDF)" },
    ca: { subject: "Les teves 2 entrades per a Fado à Noite", heading: "Ja hi vas, Inês!", download: "Descarrega les entrades (PDF)" },
    de: { subject: "Deine 2 Tickets für Fado à Noite", heading: "Du bist dabei, Inês!", download: "Tickets herunterladen (PDF)" },
  } as const;

  for (const [locale, words] of Object.entries(expected) as [keyof typeof expected, (typeof expected)[keyof typeof expected]][]) {
    it(`writes the delivery email in ${locale}, with lang="${locale}"`, () => {
      const { subject, html, text } = ticketsDeliveredEmail({ ...plain, locale });
      expect(subject).toBe(words.subject);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain(escapeHtml(words.heading));
      expect(html).toContain(escapeHtml(words.download));
      expect(text).toContain(words.heading);
    });
  }

  it("writes a refund notice in the buyer's language, one ticket in the singular", () => {
    const notice = refundNoticeEmail({ buyerName: "Jordi", eventTitle: "Vermut", orderReference: "LT-2", amount: "30 €", reason: "cancelled", orderUrl: "https://tickets.example/ca/orders/2", locale: "ca" });
    expect(notice.subject).toBe("Reemborsament de la comanda LT-2 (Vermut)");
    expect(notice.text).toContain("Has cancel·lat segons la política");
    expect(ticketsDeliveredEmail({ ...plain, ticketCount: 1, locale: "de" }).subject).toBe("Dein Ticket für Fado à Noite");
  });
});
