// The invitation to a host's team (docs/decisions/0022), pure like lib/email/templates.ts:
// who invites, to which host, as what, and the link; words from messages/*.json
// (`hostInvitationEmail`, the role names from `hostInvitation`), in the language the owner chose.
import { button, escapeHtml, layout, safeUrl, subjectLine, type EmailContent } from "@/lib/email/templates";
import type { HostRole } from "@/lib/auth/policy";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

const ROLE_WORDS = { owner: "roleOwner", manager: "roleManager", door: "roleDoor" } as const satisfies Record<HostRole, string>;

export function hostInvitationEmail(input: { hostName: string; inviterName: string; role: HostRole; email: string; url: string; days: number; locale: Locale }): EmailContent {
  const t = translatorFor(input.locale, "hostInvitationEmail");
  const role = translatorFor(input.locale, "hostInvitation")(ROLE_WORDS[input.role]);
  const subject = subjectLine(t("subject", { inviter: input.inviterName, host: input.hostName }));
  const heading = t("heading", { host: input.hostName });
  const body = t("body", { inviter: input.inviterName, host: input.hostName, role, email: input.email, days: input.days });
  const html = layout(translatorFor(input.locale, "email"), input.locale, {
    title: subject,
    preheader: body,
    footer: t("footer"),
    body: `<h1 style="margin:0 0 12px;font-size:22px;">${escapeHtml(heading)}</h1>
<p style="margin:0 0 12px;">${escapeHtml(body)}</p>
${button(input.url, t("button"))}
<p style="margin:0 0 12px;font-size:14px;color:#57534e;">${escapeHtml(t("linkLabel"))} <span style="word-break:break-all;">${escapeHtml(safeUrl(input.url))}</span></p>
<p style="margin:0;">${escapeHtml(t("ignore"))}</p>`,
  });
  const text = `${heading}\n\n${body}\n\n${t("button")}: ${safeUrl(input.url)}\n\n${t("ignore")}\n`;
  return { subject, html, text };
}
