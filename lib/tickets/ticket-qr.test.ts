import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { pdfQrRuns, pdfTextRuns, qrPathRuns } from "../../e2e/pdf-text";
import { renderTicketsPdf } from "./render-ticket-pdf";
import { signTicket } from "./signing";
import { TICKET_QR_OPTIONS, ticketQrPath, ticketQrSvg } from "./ticket-qr";

const code = signTicket({ ticketId: "0f8fad5b-d9cb-469f-a165-708677289501", orderReference: "LT-7K2M9QXD", startsAt: new Date("2027-03-05T20:30:00Z") }, "test-secret");

describe("the web ticket's QR", () => {
  it("encodes the same code as the PDF prints, with the same error correction", async () => {
    const pdf = await renderTicketsPdf({
      orderReference: "LT-7K2M9QXD",
      issuedAt: new Date("2027-01-01T00:00:00Z"),
      tickets: [{ id: "0f8fad5b-d9cb-469f-a165-708677289501", holderName: "Ana", ticketTypeName: "Standing", eventTitle: "Jazz", when: "Friday", venueName: "Hall", venueAddress: "Rua 1", signedCode: code, shortCode: "K7QMR3XT9P" }],
    });
    // The QR carries the signed code; the text under it is the short code.
    expect(pdfQrRuns(pdf)).toEqual([qrPathRuns(ticketQrPath(code).d)]);
    expect(pdfTextRuns(pdf)).toContain("K7QMR-3XT9P");

    const svg = await ticketQrSvg(code);
    expect(svg.startsWith("<svg")).toBe(true);
    // Same payload and settings give the same module matrix as the PDF's vector QR.
    const matrix = (text: string) => Array.from(QRCode.create(text, TICKET_QR_OPTIONS).modules.data).join("");
    expect(matrix(code)).toBe(Array.from(QRCode.create(code, { errorCorrectionLevel: "M" }).modules.data).join(""));
    expect(svg).toBe(await ticketQrSvg(code));
  });
});

describe("ticketQrPath", () => {
  it("draws exactly the dark modules of the ticket's QR code, inside the quiet zone", () => {
    const code = "AQ_signed-code-7.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    const { modules } = QRCode.create(code, { errorCorrectionLevel: TICKET_QR_OPTIONS.errorCorrectionLevel });
    const { viewBox, d } = ticketQrPath(code);
    expect(viewBox).toBe(`-2 -2 ${modules.size + 4} ${modules.size + 4}`);
    const drawn = new Uint8Array(modules.size * modules.size);
    for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(run); i++) drawn[Number(y) * modules.size + Number(x) + i] = 1;
    }
    expect([...drawn]).toEqual([...modules.data].map((dark) => (dark ? 1 : 0)));
  });
});
