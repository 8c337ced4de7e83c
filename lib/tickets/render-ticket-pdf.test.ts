import { describe, expect, it } from "vitest";
import { NoTicketsError, renderTicketsPdf, type TicketPdf } from "./render-ticket-pdf";

const ticket = (index: number): TicketPdf => ({
  id: `0f8fad5b-d9cb-469f-a165-7086772895${String(index).padStart(2, "0")}`,
  holderName: "Inês Conceição",
  ticketTypeName: "Standing",
  eventTitle: "São Bento Jazz Sessions",
  when: "Friday, 5 March 2027, 20:30 WET",
  venueName: "Hall Baixa",
  venueAddress: "Rua Augusta 1, Lisbon",
  signedCode: `AQ_signed-code-${index}.${"x".repeat(43)}`,
});

describe("renderTicketsPdf", () => {
  it("renders one page per ticket without a database or network", async () => {
    const pdf = await renderTicketsPdf({ orderReference: "LT-7K2M9QXD", issuedAt: new Date("2027-01-01T00:00:00Z"), tickets: [ticket(1), ticket(2), ticket(3)] });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-8).toString("latin1")).toContain("%%EOF");
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    expect(pages).toHaveLength(3);
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
