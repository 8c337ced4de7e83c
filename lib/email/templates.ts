// Transactional emails as plain, accessible HTML plus a text part. Pure: callers pass
// absolute URLs (from appUrl()) and already-formatted dates and amounts, and the buyer's
// language (stored on the order): every word is from messages/<locale>.json (`email`).
// Every interpolated value is escaped; subjects are single-line.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

export type EmailContent = { subject: string; html: string; text: string };

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function subjectLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").trim().slice(0, 200);
}

export function safeUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`Refusing a ${url.protocol} link in an email`);
  return url.toString();
}

export type Detail = { label: string; value: string };

type EmailTranslator = ReturnType<typeof translatorFor<"email">>;

/** The frame of every email; `footer` replaces the orders' "why you get this" line (account emails). */
export function layout(t: EmailTranslator, locale: Locale, options: { title: string; preheader: string; body: string; footer?: string }): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f5f5f4;color:#1c1917;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(options.preheader)}</div>
<div role="article" aria-roledescription="email" aria-label="${escapeHtml(options.title)}" lang="${locale}" style="max-width:560px;margin:0 auto;padding:24px 16px;">
<p style="margin:0 0 16px;font-weight:bold;color:#c2410c;">${escapeHtml(t("brand"))}</p>
<div style="background:#ffffff;border-radius:12px;padding:24px;">
${options.body}
</div>
<p style="margin:16px 0 0;font-size:13px;color:#57534e;">${escapeHtml(options.footer ?? t("footer"))}</p>
</div>
</body>
</html>`;
}

export function detailsHtml(details: Detail[]): string {
  const rows = details
    .map((detail) => `<p style="margin:0 0 8px;"><strong>${escapeHtml(detail.label)}:</strong> ${escapeHtml(detail.value)}</p>`)
    .join("\n");
  return `<div style="margin:16px 0;padding:16px;border:1px solid #e7e5e4;border-radius:8px;">\n${rows}\n</div>`;
}

export function detailsText(details: Detail[]): string {
  return details.map((detail) => `${detail.label}: ${detail.value}`).join("\n");
}

export function button(href: string, label: string): string {
  return `<p style="margin:24px 0;"><a href="${escapeHtml(safeUrl(href))}" style="display:inline-block;background:#c2410c;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:8px;">${escapeHtml(label)}</a></p>`;
}

/** A markup tag's content as one string (use-intl hands it over as a string or as its parts). */
export function textOf(chunks: unknown): string {
  return Array.isArray(chunks) ? chunks.join("") : String(chunks);
}

export function link(href: string, label: string): string {
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
  /** The buyer's language (the order's); English when not given. */
  locale?: Locale;
};

export function ticketsDeliveredEmail(input: TicketsDeliveredInput): EmailContent {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, "email");
  const count = input.ticketCount;
  const subject = subjectLine(t("deliveredSubject", { count, event: input.eventTitle }));
  const details: Detail[] = [
    { label: t("event"), value: input.eventTitle },
    { label: t("when"), value: input.when },
    { label: t("where"), value: `${input.venueName}, ${input.venueAddress}` },
    { label: t("order"), value: input.orderReference },
  ];
  const heading = t("deliveredHeading", { name: input.buyerName });
  const body = t("deliveredBody", { count });
  const html = layout(t, locale, {
    title: subject,
    preheader: t("deliveredPreheader", { event: input.eventTitle, when: input.when }),
    body: `<h1 style="margin:0 0 12px;font-size:22px;">${escapeHtml(heading)}</h1>
<p style="margin:0 0 12px;">${escapeHtml(body)}</p>
${detailsHtml(details)}
${button(input.downloadUrl, t("download"))}
<p style="margin:0;">${t.markup("orderPageSentence", { link: (chunks) => link(input.orderUrl, textOf(chunks)) })}</p>`,
  });
  const text = `${heading}

${body}

${detailsText(details)}

${t("download")}: ${safeUrl(input.downloadUrl)}
${t("yourOrder")}: ${safeUrl(input.orderUrl)}
`;
  return { subject, html, text };
}

export type RefundReason = "hold_expired" | "event_cancelled" | "cancelled" | "refunded";

export type RefundNoticeInput = {
  buyerName: string;
  eventTitle: string | null;
  orderReference: string;
  /** Already formatted in the buyer's language, e.g. "€30" or "30 €". */
  amount: string;
  /** What the cancellation policy kept, formatted; none when nothing was kept. */
  fee?: string | null;
  reason: RefundReason;
  orderUrl: string;
  /** The buyer's language (the order's); English when not given. */
  locale?: Locale;
};

const REFUND_WHY = {
  hold_expired: "whyHoldExpired",
  event_cancelled: "whyEventCancelled",
  cancelled: "whyCancelled",
  refunded: "whyRefunded",
} as const satisfies Record<RefundReason, string>;

export function refundNoticeEmail(input: RefundNoticeInput): EmailContent {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, "email");
  const subject = subjectLine(
    input.eventTitle
      ? t("refundSubjectEvent", { reference: input.orderReference, event: input.eventTitle })
      : t("refundSubject", { reference: input.orderReference }),
  );
  const details: Detail[] = [
    ...(input.eventTitle ? [{ label: t("event"), value: input.eventTitle }] : []),
    { label: t("order"), value: input.orderReference },
    { label: t("refunded"), value: input.amount },
    ...(input.fee ? [{ label: t("cancellationFee"), value: input.fee }] : []),
  ];
  const heading = t("refundHeading");
  const hello = t("hello", { name: input.buyerName });
  const why = t(REFUND_WHY[input.reason]);
  const timing = t("refundTiming");
  const html = layout(t, locale, {
    title: subject,
    preheader: t("refundPreheader", { amount: input.amount, reference: input.orderReference }),
    body: `<h1 style="margin:0 0 12px;font-size:22px;">${escapeHtml(heading)}</h1>
<p style="margin:0 0 12px;">${escapeHtml(hello)}</p>
<p style="margin:0 0 12px;">${escapeHtml(why)}</p>
${detailsHtml(details)}
<p style="margin:0 0 12px;">${escapeHtml(timing)}</p>
<p style="margin:0;">${t.markup("seeOrder", { link: (chunks) => link(input.orderUrl, textOf(chunks)) })}</p>`,
  });
  const text = `${heading}

${hello}

${why}

${detailsText(details)}

${timing}

${t("yourOrder")}: ${safeUrl(input.orderUrl)}
`;
  return { subject, html, text };
}

export type TicketGivenInput = {
  holderName: string;
  buyerName: string;
  eventTitle: string;
  when: string;
  venueName: string;
  venueAddress: string;
  /** The code printed under the QR, to type at the door. */
  shortCode: string;
  /** The order's language (the buyer's); English when not given. */
  locale?: Locale;
};

/** To a ticket's new holder (issue 27.3): their ticket, attached; never the order or its link. */
export function ticketGivenEmail(input: TicketGivenInput): EmailContent {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, "email");
  const subject = subjectLine(t("givenSubject", { buyer: input.buyerName, event: input.eventTitle }));
  const details: Detail[] = [
    { label: t("event"), value: input.eventTitle },
    { label: t("when"), value: input.when },
    { label: t("where"), value: `${input.venueName}, ${input.venueAddress}` },
    { label: t("givenCode"), value: input.shortCode },
  ];
  const heading = t("givenHeading", { name: input.holderName });
  const body = t("givenBody", { buyer: input.buyerName });
  const html = layout(t, locale, {
    title: subject,
    preheader: t("deliveredPreheader", { event: input.eventTitle, when: input.when }),
    body: `<h1 style="margin:0 0 12px;font-size:22px;">${escapeHtml(heading)}</h1>
<p style="margin:0 0 12px;">${escapeHtml(body)}</p>
${detailsHtml(details)}`,
    footer: t("givenFooter", { buyer: input.buyerName }),
  });
  const text = `${heading}

${body}

${detailsText(details)}
`;
  return { subject, html, text };
}
