// Transactional emails as plain, accessible HTML plus a text part. Pure: callers pass
// absolute URLs (from appUrl()) and already-formatted dates and amounts.
// Every interpolated value is escaped; subjects are single-line.

export type EmailContent = { subject: string; html: string; text: string };

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function subjectLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").trim().slice(0, 200);
}

function safeUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`Refusing a ${url.protocol} link in an email`);
  return url.toString();
}

type Detail = { label: string; value: string };

function layout(options: { title: string; preheader: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f5f5f4;color:#1c1917;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(options.preheader)}</div>
<div role="article" aria-roledescription="email" aria-label="${escapeHtml(options.title)}" lang="en" style="max-width:560px;margin:0 auto;padding:24px 16px;">
<p style="margin:0 0 16px;font-weight:bold;color:#c2410c;">Local Tickets</p>
<div style="background:#ffffff;border-radius:12px;padding:24px;">
${options.body}
</div>
<p style="margin:16px 0 0;font-size:13px;color:#57534e;">You are receiving this email because you ordered on Local Tickets.</p>
</div>
</body>
</html>`;
}

function detailsHtml(details: Detail[]): string {
  const rows = details
    .map((detail) => `<p style="margin:0 0 8px;"><strong>${escapeHtml(detail.label)}:</strong> ${escapeHtml(detail.value)}</p>`)
    .join("\n");
  return `<div style="margin:16px 0;padding:16px;border:1px solid #e7e5e4;border-radius:8px;">\n${rows}\n</div>`;
}

function detailsText(details: Detail[]): string {
  return details.map((detail) => `${detail.label}: ${detail.value}`).join("\n");
}

function button(href: string, label: string): string {
  return `<p style="margin:24px 0;"><a href="${escapeHtml(safeUrl(href))}" style="display:inline-block;background:#c2410c;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:8px;">${escapeHtml(label)}</a></p>`;
}

function link(href: string, label: string): string {
  return `<a href="${escapeHtml(safeUrl(href))}" style="color:#c2410c;">${escapeHtml(label)}</a>`;
}

export type TicketsDeliveredInput = {
  buyerName: string;
  eventTitle: string;
  when: string;
  venueName: string;
  venueAddress: string;
  orderReference: string;
  ticketCount: number;
  /** The order page (sign-in required). */
  orderUrl: string;
  /** A signed link that downloads the PDF without signing in. */
  downloadUrl: string;
};

export function ticketsDeliveredEmail(input: TicketsDeliveredInput): EmailContent {
  const tickets = input.ticketCount === 1 ? "Your ticket" : `Your ${input.ticketCount} tickets`;
  const subject = subjectLine(`${tickets} for ${input.eventTitle}`);
  const details: Detail[] = [
    { label: "Event", value: input.eventTitle },
    { label: "When", value: input.when },
    { label: "Where", value: `${input.venueName}, ${input.venueAddress}` },
    { label: "Order", value: input.orderReference },
  ];
  const html = layout({
    title: subject,
    preheader: `${input.eventTitle}, ${input.when}. Your tickets are attached as a PDF.`,
    body: `<h1 style="margin:0 0 12px;font-size:22px;">You're going, ${escapeHtml(input.buyerName)}!</h1>
<p style="margin:0 0 12px;">${escapeHtml(tickets)} ${input.ticketCount === 1 ? "is" : "are"} attached to this email as a PDF. Print ${input.ticketCount === 1 ? "it" : "them"} or show ${input.ticketCount === 1 ? "it" : "them"} on your phone at the door.</p>
${detailsHtml(details)}
${button(input.downloadUrl, "Download your tickets (PDF)")}
<p style="margin:0;">You can also see your order and download your tickets again at ${link(input.orderUrl, "your order page")}.</p>`,
  });
  const text = `You're going, ${input.buyerName}!

${tickets} ${input.ticketCount === 1 ? "is" : "are"} attached to this email as a PDF. Print ${input.ticketCount === 1 ? "it" : "them"} or show ${input.ticketCount === 1 ? "it" : "them"} on your phone at the door.

${detailsText(details)}

Download your tickets (PDF): ${safeUrl(input.downloadUrl)}
Your order: ${safeUrl(input.orderUrl)}
`;
  return { subject, html, text };
}

export type RefundReason = "hold_expired" | "event_cancelled" | "booking_cancelled" | "refunded";

export type RefundNoticeInput = {
  buyerName: string;
  eventTitle: string | null;
  orderReference: string;
  /** Already formatted, e.g. "€30". */
  amount: string;
  reason: RefundReason;
  orderUrl: string;
};

const REFUND_WHY: Record<RefundReason, string> = {
  hold_expired:
    "Your payment reached us after your hold on the places had run out, and by then the places had gone to someone else. We could not issue your tickets, so we have refunded you in full.",
  event_cancelled: "The organiser has cancelled this event. We are sorry; we have refunded you in full.",
  booking_cancelled: "Your booking was cancelled, so we have refunded you in full.",
  refunded: "Your order was cancelled and we have refunded you in full.",
};

export function refundNoticeEmail(input: RefundNoticeInput): EmailContent {
  const subject = subjectLine(`Refund for order ${input.orderReference}${input.eventTitle ? ` (${input.eventTitle})` : ""}`);
  const details: Detail[] = [
    ...(input.eventTitle ? [{ label: "Event", value: input.eventTitle }] : []),
    { label: "Order", value: input.orderReference },
    { label: "Refunded", value: input.amount },
  ];
  const timing = "The money goes back to the way you paid; your bank may take a few days to show it.";
  const html = layout({
    title: subject,
    preheader: `We have refunded ${input.amount} for order ${input.orderReference}.`,
    body: `<h1 style="margin:0 0 12px;font-size:22px;">We have refunded your order</h1>
<p style="margin:0 0 12px;">Hello ${escapeHtml(input.buyerName)},</p>
<p style="margin:0 0 12px;">${escapeHtml(REFUND_WHY[input.reason])}</p>
${detailsHtml(details)}
<p style="margin:0 0 12px;">${escapeHtml(timing)}</p>
<p style="margin:0;">See ${link(input.orderUrl, "your order")} for details.</p>`,
  });
  const text = `We have refunded your order

Hello ${input.buyerName},

${REFUND_WHY[input.reason]}

${detailsText(details)}

${timing}

Your order: ${safeUrl(input.orderUrl)}
`;
  return { subject, html, text };
}
