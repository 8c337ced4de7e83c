import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AcceptInvitation } from "@/components/accept-invitation";
import { currentUser } from "@/lib/auth";
import { inspectInvitation } from "@/lib/hosts/team/accept-invitation";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { localePath } from "@/lib/i18n/paths";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hostInvitation"))("title"), robots: { index: false } };
}

const ROLE_WORDS = { owner: ["roleOwner", "whatOwner"], manager: ["roleManager", "whatManager"], door: ["roleDoor", "whatDoor"] } as const;

/** An invitation to a host's team, opened from its email (docs/decisions/0022): what it is, and accepting it signed in as the invited address. */
export default async function InvitationPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<PageSearchParams> }) {
  const [{ locale }, query, t, user] = await Promise.all([params, searchParams, getTranslations("hostInvitation"), currentUser()]);
  const token = firstParam(query.token) ?? "";
  const invitation = await inspectInvitation(token, locale);
  const back = `${localePath(locale, "/invitation")}?token=${encodeURIComponent(token)}`;
  const linkClass = "inline-flex min-h-12 items-center rounded-xl border border-stone-300 px-4 font-semibold hover:bg-stone-100";
  return (
    <article className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      {!invitation.ok ? (
        <p className="rounded-xl bg-amber-50 p-3 text-amber-950" data-testid="invitation-refused">{t(invitation.reason)}</p>
      ) : (
        <>
          <p className="text-lg">{t("intro", { inviter: invitation.invitedByName, host: invitation.hostName, role: t(ROLE_WORDS[invitation.role][0]) })}</p>
          <p className="text-stone-700">{t(ROLE_WORDS[invitation.role][1])}</p>
          <p className="break-words text-stone-700">{t("forEmail", { email: invitation.email })}</p>
          {!user ? (
            <>
              <p>{t("signInToAccept")}</p>
              <div className="flex flex-wrap gap-3">
                <Link href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`} className={linkClass}>{t("signIn")}</Link>
                <Link href={`/sign-in/email?callbackUrl=${encodeURIComponent(back)}`} className={linkClass}>{t("emailLink")}</Link>
              </div>
            </>
          ) : user.email.toLowerCase() !== invitation.email ? (
            <p className="break-words rounded-xl bg-amber-50 p-3 text-amber-950" data-testid="invitation-wrong-account">{t("wrongAccount", { current: user.email, email: invitation.email })}</p>
          ) : (
            <AcceptInvitation
              action={acceptInvitationAction.bind(null, token, invitation.hostName)}
              words={{ accept: t("accept", { host: invitation.hostName }), accepting: t("accepting"), openDashboard: t("openDashboard"), openDoor: t("openDoor") }}
            />
          )}
        </>
      )}
    </article>
  );
}
