// CSV exports of the dashboard (RFC 4180: CRLF, quotes doubled). Cells a spreadsheet would
// run as a formula (=, +, -, @, tab, CR at the start) are prefixed with a quote, so an
// event titled "=HYPERLINK(…)" stays text.
import type { Analytics, Money } from "./analytics-sql";

type Cell = string | number | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? String(value) : value;
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const amount = (minor: number) => (minor / 100).toFixed(2);
const percent = (value: number | null) => (value === null ? "" : (value * 100).toFixed(1));

export type CsvReport = "sessions" | "sales" | "revenue" | "vouchers";

export function analyticsCsv(analytics: Analytics, report: CsvReport): string {
  if (report === "sales") {
    const currencies = [...new Set(analytics.salesOverTime.flatMap((bucket) => bucket.gross.map((money) => money.currency)))].sort();
    return toCsv([
      [`${analytics.range.bucket}_start`, "orders", "tickets", ...currencies.map((currency) => `gross_${currency}`)],
      ...analytics.salesOverTime.map((bucket) => [
        bucket.start,
        bucket.orders,
        bucket.tickets,
        ...currencies.map((currency) => amount(bucket.gross.find((money) => money.currency === currency)?.minor ?? 0)),
      ]),
    ]);
  }
  if (report === "vouchers") return voucherCsv(analytics.vouchers);
  if (report === "revenue") {
    return toCsv([
      ["currency", "orders", "gross", "refunded", "refund_pending", "net"],
      ...analytics.revenue.map((row) => [row.currency, row.orders, amount(row.grossMinor), amount(row.refundedMinor), amount(row.refundPendingMinor), amount(row.netMinor)]),
    ]);
  }
  return toCsv([
    ["event_id", "event", "event_status", "session_id", "session_starts_at", "tickets_in_range", "sold_total", "held_now", "capacity", "sell_through_percent"],
    ...analytics.events.flatMap((event) => [
      [event.eventId, event.title, event.status, "", "", event.tickets, event.sold, "", event.capacity, percent(event.sellThrough)],
      ...event.sessions.map((session) => [
        event.eventId,
        event.title,
        event.status,
        session.sessionId,
        session.startsAt.toISOString(),
        session.tickets,
        session.sold,
        session.held,
        session.capacity,
        percent(session.sellThrough),
      ]),
    ]),
  ]);
}

/** One line per code and currency, then one per tag and currency (`level` says which). */
function voucherCsv(vouchers: Analytics["vouchers"]): string {
  const lines = (level: "code" | "tag", code: string, tag: string, codes: number | string, uses: number, maxUses: number | string, orders: number, revenue: Money[], discount: Money[]) => {
    const currencies = [...new Set([...revenue, ...discount].map((money) => money.currency))].sort();
    return currencies.map((currency) => [
      level, code, tag, codes, uses, maxUses, orders, currency,
      amount(revenue.find((money) => money.currency === currency)?.minor ?? 0),
      amount(discount.find((money) => money.currency === currency)?.minor ?? 0),
    ]);
  };
  return toCsv([
    ["level", "code", "tag", "codes", "uses", "max_uses", "paid_orders", "currency", "revenue", "discount"],
    ...vouchers.codes.flatMap((row) => lines("code", row.code, row.tag, 1, row.uses, row.maxUses, row.orders, row.revenue, row.discount)),
    ...vouchers.tags.flatMap((row) => lines("tag", "", row.tag, row.codes, row.uses, "", row.orders, row.revenue, row.discount)),
  ]);
}
