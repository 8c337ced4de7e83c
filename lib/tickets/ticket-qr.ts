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
