import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { TICKET_QR_OPTIONS, ticketQrPath } from "./ticket-qr";

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
