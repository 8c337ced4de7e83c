// The emails of "word to attendees" (issue 29.4): an organiser's message and the reminder
// before the start. Pure, like templates.ts (whose frame they use): callers pass absolute URLs,
// formatted dates and the reader's language; every interpolated value is escaped.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { button, detailsHtml, detailsText, escapeHtml, layout, safeUrl, subjectLine, type Detail, type EmailContent } from "./templates";

function detailsBlock(details: Detail[]): { html: string; text: string } {
  return { html: detailsHtml(details), text: detailsText(details) };
}

/** Plain text as written by the admin: paragraphs at blank lines, line breaks kept, nothing else. */
export function plainTextHtml(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p style="margin:0 0 12px;">${escapeHtml(paragraph).replaceAll("\n", "<br>")}</p>`)
    .join("\n");
}

export type AttendeeMessageInput = {
  name: string;
  eventTitle: string;
  /** The session's date, or null for a message to the whole event. */
  when: string | null;
  subject: string;
  body: string;
  locale?: Locale;
};

/** An organiser's message to attendees: their words as written, framed in the reader's language. */
export function attendeeMessageEmail(input: AttendeeMessageInput): EmailContent {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, "email");
  const subject = subjectLine(t("messageSubject", { subject: input.subject, event: input.eventTitle }));
  const hello = t("hello", { name: input.name });
  const intro = t("messageIntro", { event: input.eventTitle });
  const details = detailsBlock([{ label: t("event"), value: input.eventTitle }, ...(input.when ? [{ label: t("when"), value: input.when }] : [])]);
  const html = layout(t, locale, {
    title: subject,
    preheader: t("messagePreheader", { event: input.eventTitle }),
    body: `<h1 style="margin:0 0 12px;font-size:22px;">${escapeHtml(subjectLine(input.subject))}</h1>
<p style="margin:0 0 12px;">${escapeHtml(hello)}</p>
<p style="margin:0 0 12px;">${escapeHtml(intro)}</p>
<div style="margin:0 0 12px;padding:0 0 0 12px;border-left:3px solid #c2410c;">
${plainTextHtml(input.body)}
</div>
${details.html}`,
    footer: t("messageFooter", { event: input.eventTitle }),
  });
  const text = `${subjectLine(input.subject)}

${hello}

${intro}

${input.body.replace(/\r\n?/g, "\n").trim()}

${details.text}

${t("messageFooter", { event: input.eventTitle })}
`;
  return { subject, html, text };
}

export type ReminderInput = {
  name: string;
  eventTitle: string;
  when: string;
  venueName: string;
  venueAddress: string;
  meetingPoint: string | null;
  ticketCount: number;
  /** The order page opened by its private link, or a holder's ticket page. */
  ticketsUrl: string;
  locale?: Locale;
};

/** The reminder before the start: when, where, where to meet, and the way to the tickets (.ics attached by the caller). */
export function reminderEmail(input: ReminderInput): EmailContent {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, "email");
  const subject = subjectLine(t("reminderSubject", { event: input.eventTitle, when: input.when }));
  const heading = t("reminderHeading", { name: input.name });
  const body = t("reminderBody", { count: input.ticketCount, event: input.eventTitle });
  const details = detailsBlock([
    { label: t("event"), value: input.eventTitle },
    { label: t("when"), value: input.when },
    { label: t("where"), value: `${input.venueName}, ${input.venueAddress}` },
    ...(input.meetingPoint ? [{ label: t("meetingPoint"), value: input.meetingPoint }] : []),
  ]);
  const html = layout(t, locale, {
    title: subject,
    preheader: t("reminderPreheader", { event: input.eventTitle, when: input.when }),
    body: `<h1 style="margin:0 0 12px;font-size:22px;">${escapeHtml(heading)}</h1>
<p style="margin:0 0 12px;">${escapeHtml(body)}</p>
${details.html}
${button(input.ticketsUrl, t("openTickets"))}
<p style="margin:0 0 12px;">${escapeHtml(t("openTicketsHint"))}</p>
<p style="margin:0;">${escapeHtml(t("calendarAttached"))}</p>`,
    footer: t("reminderFooter", { event: input.eventTitle }),
  });
  const text = `${heading}

${body}

${details.text}

${t("openTickets")}: ${safeUrl(input.ticketsUrl)}
${t("openTicketsHint")}

${t("calendarAttached")}
`;
  return { subject, html, text };
}
