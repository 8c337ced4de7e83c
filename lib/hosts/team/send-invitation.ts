import "server-only";
import { prisma } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { jobKey, type JobPayload } from "@/lib/jobs/kinds";
import { appUrl } from "@/lib/urls";
import { hostTextIn } from "../host-text";
import { hostInvitationEmail } from "./invitation-email";
import { INVITATION_DAYS, invitationToken } from "./invitation-token";

/** The invitation page's path with the link's token, in `locale`. */
export function invitationPath(locale: Locale, invitationId: string): string {
  return `${localePath(locale, "/invitation")}?token=${invitationToken(invitationId)}`;
}

/**
 * The `send_host_invitation` job: the invitation's link by email, in the language the owner
 * chose. Idempotent (the email carries the job's key; every retry the same link); an invitation
 * withdrawn, used or expired before its email left is not sent.
 */
export async function sendHostInvitation({ invitationId }: JobPayload<"send_host_invitation">): Promise<void> {
  const invitation = await prisma.hostInvitation.findUnique({ where: { id: invitationId }, include: { host: { select: { name: true, story: true, translations: true } } } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return;
  const locale: Locale = isLocale(invitation.locale) ? invitation.locale : "en";
  const email = hostInvitationEmail({
    hostName: hostTextIn(invitation.host, locale).name,
    inviterName: invitation.invitedByName,
    role: invitation.role,
    email: invitation.email,
    url: `${appUrl()}${invitationPath(locale, invitation.id)}`,
    days: INVITATION_DAYS,
    locale,
  });
  await sendEmail({ to: invitation.email, ...email, idempotencyKey: jobKey("send_host_invitation", invitationId) });
}
