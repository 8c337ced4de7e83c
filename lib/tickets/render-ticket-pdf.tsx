// Printable tickets: one A4 page per ticket, built-in PDF fonts only (Helvetica, Courier),
// so rendering never touches the network or the filesystem.
// Note: the built-in fonts cover Latin-1 (WinAnsi); other letters lose their accents or print
// as "?" (stamp-ticket.ts) until a font file is embedded.
//
// Why two libraries: laying out a page with react-pdf costs about 40 ms of CPU (flexbox,
// text shaping), and delivery has to keep up with an on-sale (issue 15: >= 20 orders/s on two
// cores). Everything the tickets of one session share (event, date, venue, labels) is laid out
// once by react-pdf as a template page and kept in memory; each ticket is a copy of it with
// what differs stamped by pdf-lib at the places TICKET_LAYOUT names (stamp-ticket.ts).
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { PDFDocument } from "pdf-lib";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { FIELD_WIDTH, HINT_TOP, stampKit, stampTicket, TICKET_LAYOUT } from "./stamp-ticket";

export type TicketPdf = {
  id: string;
  holderName: string;
  ticketTypeName: string;
  eventTitle: string;
  /** Already formatted on the venue's clock, e.g. "Friday, 5 March 2027, 20:30 WET". */
  when: string;
  venueName: string;
  venueAddress: string;
  /** The signed code the door scans (lib/tickets/ticket-code.ts): in the QR. */
  signedCode: string;
  /** The short code printed under the QR, to type at the door (lib/tickets/short-code.ts). */
  shortCode: string;
};

export type TicketsPdfData = {
  orderReference: string;
  /** Stamped as the PDF's creation date, so one order always renders the same document. */
  issuedAt: Date;
  tickets: TicketPdf[];
  /** The buyer's language (the order's): every printed word is in it. English when not given. */
  locale?: Locale;
};

type PdfTranslator = ReturnType<typeof translatorFor<"pdf">>;

export class NoTicketsError extends Error {}

// Codes and references must never be hyphenated across lines.
Font.registerHyphenationCallback((word) => [word]);

const { page: PAGE, fields: FIELDS, qrBox: QR_BOX } = TICKET_LAYOUT;

const styles = StyleSheet.create({
  page: { padding: PAGE.margin, fontFamily: "Helvetica", fontSize: 12, color: "#1c1917" },
  brandBar: { flexDirection: "row", justifyContent: "space-between", borderBottomWidth: 2, borderBottomColor: "#c2410c", paddingBottom: 8, marginBottom: 24 },
  brand: { fontFamily: "Helvetica-Bold", fontSize: 14, color: "#c2410c" },
  muted: { color: "#57534e" },
  address: { color: "#57534e", maxLines: 2, textOverflow: "ellipsis" },
  // At most four lines (and two of address), so the top never runs into the fixed places below.
  title: { fontFamily: "Helvetica-Bold", fontSize: 26, marginBottom: 8, maxLines: 4, textOverflow: "ellipsis" },
  when: { fontFamily: "Helvetica-Bold", fontSize: 15, marginBottom: 4 },
  section: { marginTop: 18 },
  label: { fontSize: 9, color: "#57534e", textTransform: "uppercase", letterSpacing: 1, marginBottom: 2 },
  value: { fontSize: 14 },
  // Fixed places: the stamped values and QR code go exactly here (stamp-ticket.ts).
  fields: { position: "absolute", top: FIELDS.top, left: PAGE.margin, right: PAGE.margin, flexDirection: "row", gap: FIELDS.gap },
  field: { width: FIELD_WIDTH },
  qrBox: { position: "absolute", top: QR_BOX.top, left: PAGE.margin, right: PAGE.margin, height: QR_BOX.height, borderWidth: 1, borderColor: "#d6d3d1", borderStyle: "dashed", borderRadius: 8 },
  hint: { position: "absolute", top: HINT_TOP - QR_BOX.top, left: 0, right: 0, textAlign: "center", color: "#57534e", fontSize: TICKET_LAYOUT.hint.size },
  footer: { position: "absolute", left: PAGE.margin, right: PAGE.margin, bottom: 32, fontSize: 9, color: "#57534e", textAlign: "center" },
});

/** What every ticket of one session shares, in one language: laid out once, then copied for each ticket. */
type TicketTemplate = Pick<TicketPdf, "eventTitle" | "when" | "venueName" | "venueAddress"> & { locale: Locale };

function TemplatePage({ template, t }: { template: TicketTemplate; t: PdfTranslator }) {
  return (
    <Page size="A4" style={styles.page}>
      <View style={styles.brandBar}>
        <Text style={styles.brand}>Local Tickets</Text>
      </View>
      <Text style={styles.title}>{template.eventTitle}</Text>
      <Text style={styles.when}>{template.when}</Text>
      <View style={styles.section}>
        <Text style={styles.label}>{t("venue")}</Text>
        <Text style={styles.value}>{template.venueName}</Text>
        <Text style={styles.address}>{template.venueAddress}</Text>
      </View>
      <View style={styles.fields}>
        {[t("ticket"), t("name"), t("order")].map((label) => (
          <Text key={label} style={[styles.label, styles.field]}>{label}</Text>
        ))}
      </View>
      <View style={styles.qrBox}>
        <Text style={styles.hint}>{t("showAtDoor")}</Text>
      </View>
      <Text style={styles.footer} fixed>
        {t("footer")}
      </Text>
    </Page>
  );
}

/** Laid-out template pages by what they show; a sale prints thousands of tickets of a handful of sessions. */
const templates = new Map<string, Promise<PDFDocument>>();
const MAX_TEMPLATES = 64;

function templateFor(ticket: TicketPdf, locale: Locale): Promise<PDFDocument> {
  const template: TicketTemplate = { eventTitle: ticket.eventTitle, when: ticket.when, venueName: ticket.venueName, venueAddress: ticket.venueAddress, locale };
  const key = JSON.stringify(template);
  let laidOut = templates.get(key);
  if (laidOut) {
    // Most recently used last, so the oldest is the one dropped.
    templates.delete(key);
  } else {
    laidOut = renderToBuffer(
      <Document language={locale}>
        <TemplatePage template={template} t={translatorFor(locale, "pdf")} />
      </Document>,
    ).then((bytes) => PDFDocument.load(bytes));
    laidOut.catch(() => templates.delete(key));
    if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value!);
  }
  templates.set(key, laidOut);
  return laidOut;
}

/** Renders plain ticket data (no database) to a PDF; one page per ticket. */
export async function renderTicketsPdf(data: TicketsPdfData): Promise<Buffer> {
  if (data.tickets.length === 0) throw new NoTicketsError(`Order ${data.orderReference} has no valid tickets to print`);
  const locale = data.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, "pdf");
  // No "modified now" stamp: one order always renders the same document.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const kit = await stampKit(doc);
  // Tickets of one template are copied in one call, so they share its content and fonts.
  const pages = new Map<TicketPdf, Awaited<ReturnType<PDFDocument["copyPages"]>>[number]>();
  const byTemplate = new Map<Promise<PDFDocument>, TicketPdf[]>();
  for (const ticket of data.tickets) {
    const template = templateFor(ticket, locale);
    byTemplate.set(template, [...(byTemplate.get(template) ?? []), ticket]);
  }
  for (const [template, tickets] of byTemplate) {
    const copies = await doc.copyPages(await template, tickets.map(() => 0));
    tickets.forEach((ticket, index) => pages.set(ticket, copies[index]));
  }
  data.tickets.forEach((ticket, index) => {
    const page = doc.addPage(pages.get(ticket)!);
    stampTicket(page, kit, {
      counter: t("ticketOf", { index: index + 1, count: data.tickets.length }),
      values: [ticket.ticketTypeName, ticket.holderName, data.orderReference],
      signedCode: ticket.signedCode,
      shortCode: ticket.shortCode,
    });
  });
  doc.setTitle(t("title", { reference: data.orderReference }));
  doc.setAuthor("Local Tickets");
  doc.setCreator("Local Tickets");
  doc.setProducer("Local Tickets");
  doc.setLanguage(locale);
  doc.setCreationDate(data.issuedAt);
  doc.setModificationDate(data.issuedAt);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
