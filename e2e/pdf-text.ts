// The text drawn on a PDF's pages, for checks on generated tickets without a PDF library:
// @react-pdf/renderer writes each line as hex strings in Flate-compressed content streams.
import { inflateSync } from "node:zlib";

function contentStreams(pdf: Buffer): Buffer[] {
  const streams: Buffer[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf("stream", at, "latin1");
    if (start < 0) break;
    const dataStart = start + 6 + (pdf[start + 6] === 0x0d ? 2 : 1);
    const end = pdf.indexOf("endstream", dataStart, "latin1");
    if (end < 0) break;
    try {
      streams.push(inflateSync(pdf.subarray(dataStart, end)));
    } catch {
      // Not compressed with Flate (an image or a font): no text in it.
    }
    at = end + 9;
  }
  return streams;
}

/** Every text-showing operation's string, decoded, in page order. */
export function pdfTextRuns(pdf: Buffer): string[] {
  const runs: string[] = [];
  for (const stream of contentStreams(pdf)) {
    const content = stream.toString("latin1");
    for (const operation of content.matchAll(/\[([^\]]*)\]\s*TJ|(<[0-9a-fA-F]*>)\s*Tj/g)) {
      const hexes = (operation[1] ?? operation[2]).match(/<([0-9a-fA-F]*)>/g) ?? [];
      runs.push(hexes.map((hex) => Buffer.from(hex.slice(1, -1), "hex").toString("latin1")).join(""));
    }
  }
  return runs;
}

/**
 * The QR codes the tickets draw, one per page that has one: each as its runs of dark modules,
 * "x y run" (stamp-ticket.ts writes one `x y run 1 re` per run inside the QR's matrix), so a
 * test compares them with ticketQrPath(code) of the code the page shows.
 */
export function pdfQrRuns(pdf: Buffer): string[][] {
  const codes: string[][] = [];
  for (const stream of contentStreams(pdf)) {
    const runs = [...stream.toString("latin1").matchAll(/^(\d+) (\d+) (\d+) 1 re$/gm)].map((match) => `${match[1]} ${match[2]} ${match[3]}`);
    if (runs.length > 0) codes.push(runs);
  }
  return codes;
}

/** ticketQrPath's `d` as the same "x y run" strings. */
export function qrPathRuns(d: string): string[] {
  return [...d.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((match) => `${match[1]} ${match[2]} ${match[3]}`);
}
