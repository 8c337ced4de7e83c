// The waiting list's emails (issue 29.3), pure like lib/email/templates.ts: the joined
// confirmation (where they stand, the link to leave) and the offer (the code, the link to the
// event page with the code applied, until when it holds). Words from messages/*.json
// (`waitlistEmail`), in the language the visitor joined in.
import { button, escapeHtml, layout, link, safeUrl, subjectLine, textOf, type EmailContent } from "@/lib/email/templates";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/** `places` of a ticket type, or a bookable `time` (docs/decisions/0021): the words differ. */
type Common = { name: string; eventTitle: string; ticketTypeName: string; quantity: number; leaveUrl: string; locale: Locale; kind: "places" | "time" };

export function waitlistJoinedEmail(input: Common & { position: number | null }): EmailContent {
  const t = translatorFor(input.locale, "waitlistEmail");
  const subject = subjectLine(t("joinedSubject", { event: input.eventTitle }));
  const hello = t("hello", { name: input.name });
  const body =
    input.kind === "time"
      ? t("joinedBodyTime", { what: input.ticketTypeName, event: input.eventTitle })
      : t("joinedBody", { count: input.quantity, type: input.ticketTypeName, event: input.eventTitle });
  const position = input.position ? t("joinedPosition", { position: input.position }) : "";
  const leave = t("leaveSentence");
  const html = layout(translatorFor(input.locale, "email"), input.locale, {
    title: subject,
    preheader: body,
    body: `<h1 style="margin:0 0 12px;font-size:22px;">${escapeHtml(t("joinedHeading"))}</h1>
<p style="margin:0 0 12px;">${escapeHtml(hello)}</p>
<p style="margin:0 0 12px;">${escapeHtml(body)}</p>
${position ? `<p style="margin:0 0 12px;">${escapeHtml(position)}</p>` : ""}
<p style="margin:0;">${escapeHtml(leave)} ${link(input.leaveUrl, t("leaveLink"))}</p>`,
  });
  const text = `${t("joinedHeading")}\n\n${hello}\n\n${body}\n${position ? `\n${position}\n` : ""}\n${leave} ${safeUrl(input.leaveUrl)}\n`;
  return { subject, html, text };
}

export function waitlistOfferEmail(input: Common & { code: string; buyUrl: string; until: string }): EmailContent {
  const t = translatorFor(input.locale, "waitlistEmail");
  const time = input.kind === "time";
  const subject = subjectLine(t(time ? "offerSubjectTime" : "offerSubject", { event: input.eventTitle }));
  const hello = t("hello", { name: input.name });
  const body = time
    ? t("offerBodyTime", { what: input.ticketTypeName, event: input.eventTitle, until: input.until })
    : t("offerBody", { count: input.quantity, type: input.ticketTypeName, event: input.eventTitle, until: input.until });
  const code = t("offerCode", { code: input.code });
  const heading = t(time ? "offerHeadingTime" : "offerHeading");
  const action = t(time ? "offerButtonTime" : "offerButton");
  const leave = t(time ? "offerDeclineTime" : "offerDecline");
  const html = layout(translatorFor(input.locale, "email"), input.locale, {
    title: subject,
    preheader: body,
    body: `<h1 style="margin:0 0 12px;font-size:22px;">${escapeHtml(heading)}</h1>
<p style="margin:0 0 12px;">${escapeHtml(hello)}</p>
<p style="margin:0 0 12px;">${escapeHtml(body)}</p>
<p style="margin:0 0 16px;font-size:18px;"><strong>${escapeHtml(code)}</strong></p>
${button(input.buyUrl, action)}
<p style="margin:16px 0 0;">${t.markup(time ? "offerDeclineLinkTime" : "offerDeclineLink", { link: (chunks) => link(input.leaveUrl, textOf(chunks)) })}</p>`,
  });
  const text = `${heading}\n\n${hello}\n\n${body}\n\n${code}\n\n${action}: ${safeUrl(input.buyUrl)}\n\n${leave}: ${safeUrl(input.leaveUrl)}\n`;
  return { subject, html, text };
}
