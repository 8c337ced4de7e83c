// What differs from one ticket to the next (which ticket of how many, its type, the holder,
// the order, the QR code and its text), drawn with pdf-lib onto a copy of the page every
// ticket of a session shares (render-ticket-pdf.tsx). The template leaves these places
// empty; TICKET_LAYOUT is the one description of where they are, read by both sides.
import { deflateSync } from "node:zlib";
import { PDFDocument, PDFRawStream, StandardFonts, type PDFFont, type PDFPage, type PDFRef } from "pdf-lib";
import { formatShortCode } from "./short-code";
import { ticketQrPath } from "./ticket-qr";

/** A4 in PDF points, and the positions (from the page's top-left, as react-pdf lays out) of the stamped parts. */
export const TICKET_LAYOUT = {
  page: { width: 595.28, height: 841.89, margin: 40 },
  /** "Ticket 1 of 2", right-aligned in the brand bar. */
  counter: { top: 42, size: 12 },
  /** The three labelled values (Ticket, Name, Order): labels by the template, values stamped below them. */
  fields: { top: 340, gap: 24, labelHeight: 14, size: 14, maxLines: 2 },
  qrBox: { top: 405, height: 290, padding: 16 },
  qr: { size: 220 },
  /** "Show this code at the door" (template) sits under the QR; the short code to type under that. */
  hint: { size: 12 },
  code: { size: 20 },
} as const;

const { page: PAGE, fields: FIELDS, qrBox: QR_BOX, qr: QR } = TICKET_LAYOUT;
export const FIELD_WIDTH = (PAGE.width - 2 * PAGE.margin - 2 * FIELDS.gap) / 3;
export const QR_TOP = QR_BOX.top + QR_BOX.padding;
export const HINT_TOP = QR_TOP + QR.size + 4;
const CODE_TOP = HINT_TOP + TICKET_LAYOUT.hint.size * 1.2 + 8;

/** Fill colours as PDF operators (the template's #1c1917 ink and #57534e muted text). */
const INK = "0.11 0.098 0.09 rg";
const MUTED = "0.341 0.325 0.306 rg";
const BLACK = "0 0 0 rg";

/** The document being stamped and its two fonts. */
export type StampKit = { doc: PDFDocument; regular: PDFFont; mono: PDFFont };

export async function stampKit(doc: PDFDocument): Promise<StampKit> {
  const [regular, mono] = await Promise.all([doc.embedFont(StandardFonts.Helvetica), doc.embedFont(StandardFonts.Courier)]);
  return { doc, regular, mono };
}

/**
 * A page content stream written as PDF operators and compressed with Node's zlib. Why not
 * pdf-lib's drawText and drawSvgPath: per ticket they spent more CPU formatting numbers
 * (a QR code is hundreds of path segments) and deflating in JavaScript than the template saved.
 */
function contentStream(doc: PDFDocument, operators: string): PDFRef {
  const data = deflateSync(Buffer.from(operators, "latin1"));
  return doc.context.register(PDFRawStream.of(doc.context.obj({ Filter: "FlateDecode", Length: data.length }), data));
}

const n = (value: number) => String(Math.round(value * 100) / 100);

/**
 * The built-in PDF fonts cover Latin-1 (WinAnsi), as react-pdf's built-in fonts do; pdf-lib
 * refuses anything else, so other letters lose their accents where that gives a Latin-1
 * letter, and become "?" otherwise (a name in another script needs an embedded font file).
 */
export function printable(text: string, font: PDFFont): string {
  const supported = supportedCodePoints(font);
  let out = "";
  for (const char of text) {
    if (supported.has(char.codePointAt(0)!)) out += char;
    else {
      const plain = char.normalize("NFKD").replace(/\p{M}/gu, "");
      out += [...plain].every((c) => supported.has(c.codePointAt(0)!)) && plain ? plain : "?";
    }
  }
  return out;
}

const codePointsByFont = new WeakMap<PDFFont, Set<number>>();
function supportedCodePoints(font: PDFFont): Set<number> {
  let set = codePointsByFont.get(font);
  if (!set) codePointsByFont.set(font, (set = new Set(font.getCharacterSet())));
  return set;
}

/** react-pdf's top of a line → pdf-lib's baseline (origin bottom-left). */
function baseline(top: number, size: number): number {
  return PAGE.height - top - size * 0.93;
}

/** Words that fit `width`, at most `maxLines` lines, the last one cut with an ellipsis if need be. */
function lines(text: string, font: PDFFont, size: number, width: number, maxLines: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length <= maxLines) return out;
  let last = out[maxLines - 1];
  while (last && font.widthOfTextAtSize(`${last}…`, size) > width) last = last.slice(0, -1);
  return [...out.slice(0, maxLines - 1), `${last}…`];
}

/** `signedCode` goes into the QR; `shortCode` is printed under it, for typing at the door. */
export type TicketStamp = { counter: string; values: [string, string, string]; signedCode: string; shortCode: string };

export function stampTicket(page: PDFPage, kit: StampKit, stamp: TicketStamp): void {
  const { regular, mono } = kit;
  // Puts the template's operators inside q … Q (its flipped coordinates end there) and gives
  // the page its own font dictionary, as pdf-lib does before drawing on a page.
  page.node.normalize();
  const regularKey = page.node.newFontDictionary(regular.name, regular.ref).toString();
  const monoKey = page.node.newFontDictionary(mono.name, mono.ref).toString();
  const ops: string[] = [];
  const text = (font: PDFFont, key: string, size: number, colour: string, x: number, top: number, value: string) =>
    ops.push(`BT ${key} ${size} Tf ${colour} ${n(x)} ${n(baseline(top, size))} Td ${font.encodeText(value).toString()} Tj ET`);

  const counter = printable(stamp.counter, regular);
  const counterSize = TICKET_LAYOUT.counter.size;
  text(regular, regularKey, counterSize, MUTED, PAGE.width - PAGE.margin - regular.widthOfTextAtSize(counter, counterSize), TICKET_LAYOUT.counter.top, counter);

  stamp.values.forEach((value, column) => {
    const x = PAGE.margin + column * (FIELD_WIDTH + FIELDS.gap);
    lines(printable(value, regular), regular, FIELDS.size, FIELD_WIDTH, FIELDS.maxLines).forEach((line, index) => {
      text(regular, regularKey, FIELDS.size, INK, x, FIELDS.top + FIELDS.labelHeight + index * FIELDS.size * 1.2, line);
    });
  });

  // The short code, centred: what the door types when the camera cannot read the QR (the
  // signed code is 100+ characters, only for machines).
  const code = printable(formatShortCode(stamp.shortCode), mono);
  const codeSize = TICKET_LAYOUT.code.size;
  text(mono, monoKey, codeSize, INK, (PAGE.width - mono.widthOfTextAtSize(code, codeSize)) / 2, CODE_TOP, code);

  // The QR code: one rectangle per run of dark modules (ticketQrPath), in module units with
  // y down from the code's top-left, mapped onto the page by one matrix.
  const qr = ticketQrPath(stamp.signedCode);
  const [minX, , boxModules] = qr.viewBox.split(" ").map(Number);
  const scale = QR.size / boxModules;
  const originX = (PAGE.width - QR.size) / 2 - minX * scale;
  const originY = PAGE.height - QR_TOP + minX * scale;
  ops.push(`q ${BLACK} ${n(scale)} 0 0 ${n(-scale)} ${n(originX)} ${n(originY)} cm`);
  for (const [, x, y, run] of qr.d.matchAll(/M(\d+) (\d+)h(\d+)/g)) ops.push(`${x} ${y} ${run} 1 re`);
  ops.push("f Q");

  page.node.addContentStream(contentStream(kit.doc, ops.join("\n")));
}
