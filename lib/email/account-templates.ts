// The account's emails (issue 27, item 2): a password reset, a sign-in link (to an account,
// or to an address that has none yet: using it makes the account), a verification, and the
// notice to an owner that someone tried to sign up with their address. Pure, like
// templates.ts: callers pass absolute URLs and the reader's language.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { button, escapeHtml, layout, link, safeUrl, subjectLine, textOf, type EmailContent } from "./templates";

export type AccountEmailKind = "reset" | "signIn" | "join" | "verify" | "taken";

export type AccountEmailInput = {
  kind: AccountEmailKind;
  /** The account's name; null for an address without an account (`join`). */
  name: string | null;
  /** The link the button opens (for `taken`: the sign-in page). */
  url: string;
  /** For `taken`: the page to ask for a new password. */
  resetUrl?: string;
  /** How long the link works, in minutes (not for `taken`). */
  minutes?: number;
  locale?: Locale;
};

// Each kind's words in the `accountEmail` messages, named in full (a test checks every key is used).
const WORDS = {
  reset: { subject: "resetSubject", heading: "resetHeading", body: "resetBody", button: "resetButton", ignore: "resetIgnore" },
  signIn: { subject: "signInSubject", heading: "signInHeading", body: "signInBody", button: "signInButton", ignore: "signInIgnore" },
  join: { subject: "joinSubject", heading: "joinHeading", body: "joinBody", button: "joinButton", ignore: "joinIgnore" },
  verify: { subject: "verifySubject", heading: "verifyHeading", body: "verifyBody", button: "verifyButton", ignore: "verifyIgnore" },
  taken: { subject: "takenSubject", heading: "takenHeading", body: "takenBody", button: "takenButton", ignore: "takenIgnore" },
} as const satisfies Record<AccountEmailKind, Record<string, string>>;

export function accountEmail(input: AccountEmailInput): EmailContent {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, "accountEmail");
  const frame = translatorFor(locale, "email");
  const { kind } = input;
  const minutes = input.minutes ?? 30;
  const words = WORDS[kind];
  const subject = subjectLine(t(words.subject));
  const heading = t(words.heading);
  const hello = input.name ? t("hello", { name: input.name }) : null;
  const body = t(words.body, { minutes });
  const action = t(words.button);
  const ignore = t(words.ignore);
  const resetLine = kind === "taken" && input.resetUrl ? input.resetUrl : null;
  const html = layout(frame, locale, {
    title: subject,
    preheader: body,
    footer: t("footer"),
    body: `<h1 style="margin:0 0 12px;font-size:22px;">${escapeHtml(heading)}</h1>
${hello ? `<p style="margin:0 0 12px;">${escapeHtml(hello)}</p>\n` : ""}<p style="margin:0 0 12px;">${escapeHtml(body)}</p>
${button(input.url, action)}
${resetLine ? `<p style="margin:0 0 12px;">${t.markup("takenReset", { link: (chunks) => link(resetLine, textOf(chunks)) })}</p>\n` : ""}<p style="margin:0 0 12px;font-size:14px;color:#57534e;">${escapeHtml(t("linkLabel"))} <span style="word-break:break-all;">${escapeHtml(safeUrl(input.url))}</span></p>
<p style="margin:0;">${escapeHtml(ignore)}</p>`,
  });
  const text = `${heading}

${hello ? `${hello}\n\n` : ""}${body}

${action}: ${safeUrl(input.url)}
${resetLine ? `${t("takenResetText")}: ${safeUrl(resetLine)}\n` : ""}
${ignore}
`;
  return { subject, html, text };
}
