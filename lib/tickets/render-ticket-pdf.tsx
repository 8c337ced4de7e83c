// Printable tickets: one A4 page per ticket, built-in PDF fonts only (Helvetica, Courier),
// so rendering never touches the network or the filesystem.
// Note: the built-in fonts cover Latin-1 (WinAnsi); names in other scripts print as gaps
// until a font file is embedded with Font.register.
import { Document, Font, Page, Path, StyleSheet, Svg, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ticketQrPath } from "./ticket-qr";

export type TicketPdf = {
  id: string;
  holderName: string;
  ticketTypeName: string;
  eventTitle: string;
  /** Already formatted on the venue's clock, e.g. "Friday, 5 March 2027, 20:30 WET". */
  when: string;
  venueName: string;
  venueAddress: string;
  /** The signed code the door scans (lib/tickets/signing.ts). */
  signedCode: string;
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

const styles = StyleSheet.create({
  page: { padding: 40, fontFamily: "Helvetica", fontSize: 12, color: "#1c1917" },
  brandBar: { flexDirection: "row", justifyContent: "space-between", borderBottomWidth: 2, borderBottomColor: "#c2410c", paddingBottom: 8, marginBottom: 24 },
  brand: { fontFamily: "Helvetica-Bold", fontSize: 14, color: "#c2410c" },
  muted: { color: "#57534e" },
  title: { fontFamily: "Helvetica-Bold", fontSize: 26, marginBottom: 8 },
  when: { fontFamily: "Helvetica-Bold", fontSize: 15, marginBottom: 4 },
  section: { marginTop: 18 },
  label: { fontSize: 9, color: "#57534e", textTransform: "uppercase", letterSpacing: 1, marginBottom: 2 },
  value: { fontSize: 14 },
  row: { flexDirection: "row", gap: 24, marginTop: 18 },
  column: { flexGrow: 1, flexBasis: 0 },
  qrBox: { marginTop: 32, alignItems: "center", borderWidth: 1, borderColor: "#d6d3d1", borderStyle: "dashed", borderRadius: 8, padding: 16 },
  qr: { width: 220, height: 220 },
  code: { fontFamily: "Courier", fontSize: 8, marginTop: 8, textAlign: "center" },
  footer: { position: "absolute", left: 40, right: 40, bottom: 32, fontSize: 9, color: "#57534e", textAlign: "center" },
});

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.column}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value}</Text>
    </View>
  );
}

function TicketPage({ ticket, index, count, reference, qr, t }: { ticket: TicketPdf; index: number; count: number; reference: string; qr: { viewBox: string; d: string }; t: PdfTranslator }) {
  return (
    <Page size="A4" style={styles.page}>
      <View style={styles.brandBar}>
        <Text style={styles.brand}>Local Tickets</Text>
        <Text style={styles.muted}>{t("ticketOf", { index: index + 1, count })}</Text>
      </View>
      <Text style={styles.title}>{ticket.eventTitle}</Text>
      <Text style={styles.when}>{ticket.when}</Text>
      <View style={styles.section}>
        <Text style={styles.label}>{t("venue")}</Text>
        <Text style={styles.value}>{ticket.venueName}</Text>
        <Text style={styles.muted}>{ticket.venueAddress}</Text>
      </View>
      <View style={styles.row}>
        <Field label={t("ticket")} value={ticket.ticketTypeName} />
        <Field label={t("name")} value={ticket.holderName} />
        <Field label={t("order")} value={reference} />
      </View>
      <View style={styles.qrBox}>
        <Svg style={styles.qr} viewBox={qr.viewBox}>
          <Path d={qr.d} fill="#000000" />
        </Svg>
        <Text style={styles.muted}>{t("showAtDoor")}</Text>
        <Text style={styles.code}>{ticket.signedCode}</Text>
      </View>
      <Text style={styles.footer} fixed>
        {t("footer")}
      </Text>
    </Page>
  );
}

/** Renders plain ticket data (no database) to a PDF; one page per ticket. */
export async function renderTicketsPdf(data: TicketsPdfData): Promise<Buffer> {
  if (data.tickets.length === 0) throw new NoTicketsError(`Order ${data.orderReference} has no valid tickets to print`);
  const locale = data.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, "pdf");
  const qrCodes = data.tickets.map((ticket) => ticketQrPath(ticket.signedCode));
  const document = (
    <Document
      title={t("title", { reference: data.orderReference })}
      author="Local Tickets"
      creator="Local Tickets"
      producer="Local Tickets"
      language={locale}
      creationDate={data.issuedAt}
      modificationDate={data.issuedAt}
    >
      {data.tickets.map((ticket, index) => (
        <TicketPage key={ticket.id} ticket={ticket} index={index} count={data.tickets.length} reference={data.orderReference} qr={qrCodes[index]} t={t} />
      ))}
    </Document>
  );
  return renderToBuffer(document);
}
