// The QR code of a ticket on a screen. It encodes the very string the PDF's QR encodes (the
// signed code from load-order-tickets.ts) with the same error correction, so the door scans
// a phone and a printout alike.
import QRCode from "qrcode";

/** The same settings as the PDF's QR (render-ticket-pdf.tsx): level M survives a cracked screen or a crease. */
export const TICKET_QR_OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

/** An SVG (scales to any size without blur) of the QR code for `signedCode`. */
export function ticketQrSvg(signedCode: string): Promise<string> {
  return QRCode.toString(signedCode, { ...TICKET_QR_OPTIONS, type: "svg", color: { dark: "#000000", light: "#ffffff" } });
}

/**
 * The QR code of `signedCode` as vector paths: one `M x y h n v 1 h -n z` per run of dark
 * modules in a row, in a square of `size` modules plus the quiet zone. The PDF draws this
 * instead of a PNG: no image to encode and decode for every ticket (the PNG round trip was a
 * quarter of a ticket PDF's render time), and it prints sharp at any size.
 */
export function ticketQrPath(signedCode: string): { viewBox: string; d: string } {
  const { modules } = QRCode.create(signedCode, { errorCorrectionLevel: TICKET_QR_OPTIONS.errorCorrectionLevel });
  const { size, data } = modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; ) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && data[y * size + x + run]) run++;
      parts.push(`M${x} ${y}h${run}v1h-${run}z`);
      x += run;
    }
  }
  const margin = TICKET_QR_OPTIONS.margin;
  return { viewBox: `${-margin} ${-margin} ${size + 2 * margin} ${size + 2 * margin}`, d: parts.join("") };
}
