import { describe, expect, it } from "vitest";
import { pdfTextRuns } from "../../e2e/pdf-text";
import { NoTicketsError, renderTicketsPdf, type TicketPdf } from "./render-ticket-pdf";

const ticket = (index: number, overrides: Partial<TicketPdf> = {}): TicketPdf => ({
  id: `0f8fad5b-d9cb-469f-a165-7086772895${String(index).padStart(2, "0")}`,
  holderName: "Inês Conceição",
  ticketTypeName: "Standing",
  eventTitle: "São Bento Jazz Sessions",
  when: "Friday, 5 March 2027, 20:30 WET",
  venueName: "Hall Baixa",
  venueAddress: "Rua Augusta 1, Lisbon",
  signedCode: `AQ_signed-code-${index}.${"x".repeat(43)}`,
  shortCode: `K7QMR3XT${String(index + 20).slice(-2).replace(/[01]/g, "9")}`.slice(0, 10),
  ...overrides,
});

const issuedAt = new Date("2027-01-01T00:00:00Z");
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

describe("renderTicketsPdf", () => {
  it("renders one page per ticket without a database or network", async () => {
    const pdf = await renderTicketsPdf({ orderReference: "LT-7K2M9QXD", issuedAt, tickets: [ticket(1), ticket(2), ticket(3)] });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-8).toString("latin1")).toContain("%%EOF");
    expect(pageCount(pdf)).toBe(3);
  });

  it("prints what the session shares (laid out once per session) and what is each ticket's own", async () => {
    const tickets = [ticket(1), ticket(2, { holderName: "Zoë Brandão", ticketTypeName: "Seated" }), ticket(3, { eventTitle: "Fado à Noite", when: "Saturday, 6 March 2027, 21:00 WET" })];
    const pdf = await renderTicketsPdf({ orderReference: "LT-7K2M9QXD", issuedAt, tickets });
    expect(pageCount(pdf)).toBe(3);
    const runs = pdfTextRuns(pdf);
    expect(runs).toEqual(expect.arrayContaining([
      "São Bento Jazz Sessions", "Friday, 5 March 2027, 20:30 WET", "Hall Baixa", "Rua Augusta 1, Lisbon", "Fado à Noite", "Saturday, 6 March 2027, 21:00 WET",
      "Ticket 1 of 3", "Ticket 2 of 3", "Ticket 3 of 3", "Standing", "Seated", "Inês Conceição", "Zoë Brandão", "LT-7K2M9QXD",
      ...tickets.map((one) => `${one.shortCode.slice(0, 5)}-${one.shortCode.slice(5)}`),
    ]));
    // The long signed code is in the QR only: no line of text spells it.
    for (const one of tickets) expect(runs.some((run) => run.includes(one.signedCode.slice(0, 12)))).toBe(false);
    // Two sessions, two templates: each session's page content is written once and shared.
    expect(runs.filter((run) => run === "Show this code at the door")).toHaveLength(2);
  });

  it("renders the same order to the same bytes (a retried delivery attaches the same file)", async () => {
    const data = { orderReference: "LT-SAME", issuedAt, tickets: [ticket(1), ticket(2)] };
    expect(Buffer.compare(await renderTicketsPdf(data), await renderTicketsPdf(data))).toBe(0);
  });

  it("prints a name outside the built-in fonts' Latin-1 instead of failing: accents dropped where that helps, '?' otherwise", async () => {
    const pdf = await renderTicketsPdf({ orderReference: "LT-NAMES", issuedAt, tickets: [ticket(1, { holderName: "Kąsia Łoś 王" })] });
    expect(pdfTextRuns(pdf)).toContain("Kasia ?os ?");
  });

  it("refuses an order without valid tickets", async () => {
    await expect(renderTicketsPdf({ orderReference: "LT-EMPTY", issuedAt: new Date(), tickets: [] })).rejects.toBeInstanceOf(NoTicketsError);
  });
});

describe("renderTicketsPdf in the buyer's language", () => {
  it("prints every label in the order's language, accents and all", async () => {
    const { pdfTextRuns } = await import("@/e2e/pdf-text");
    const pdf = await renderTicketsPdf({ orderReference: "LT-7K2M9QXD", issuedAt: new Date("2027-01-01T00:00:00Z"), tickets: [ticket(1), ticket(2)], locale: "pt" });
    const text = pdfTextRuns(pdf).join(" ");
    expect(text).toContain("Bilhete 1 de 2");
    expect(text).toContain("Mostre este código à entrada");
    expect(text.toLowerCase()).toContain("encomenda");
    expect(text).not.toContain("Show this code at the door");
    const german = pdfTextRuns(await renderTicketsPdf({ orderReference: "LT-1", issuedAt: new Date("2027-01-01T00:00:00Z"), tickets: [ticket(1)], locale: "de" })).join(" ");
    expect(german).toContain("Zeig diesen Code am Einlass");
    expect(german.toLowerCase()).toContain("veranstaltungsort");
  });
});
