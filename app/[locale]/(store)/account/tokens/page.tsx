import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiTokens, type ApiTokenRow } from "@/components/api-tokens";
import { requireUser } from "@/lib/auth";
import { DEFAULT_TOKEN_DAYS, listApiTokens, MAX_TOKEN_DAYS } from "@/lib/auth/api-tokens";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatInZone } from "@/lib/time";
import { appUrl } from "@/lib/urls";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tokens"))("title"), robots: { index: false } };
}

export default async function ApiTokensPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const [{ locale }, t, tAccount] = await Promise.all([params, getTranslations("tokens"), getTranslations("account")]);
  const day = (date: Date) => formatInZone(date, "UTC", { day: "numeric", month: "short", year: "numeric" }, locale);
  const user = await requireUser("/account/tokens", locale);
  const tokens = await listApiTokens(user.id);
  const rows: ApiTokenRow[] = tokens.map((token) => ({
    id: token.id,
    name: token.name,
    hint: token.hint,
    // Scope and expiry ride along in the "created" text until the table has columns for them.
    created: `${day(token.createdAt)} · ${token.scope === "read" ? t("readOnly") : token.scope === "check_in" ? t("checkInOnly") : t("mayBuy")} · ${token.expiresAt > new Date() ? t("expires", { date: day(token.expiresAt) }) : t("expiredOn", { date: day(token.expiresAt) })}`,
    lastUsed: token.lastUsedAt ? day(token.lastUsedAt) : null,
    revoked: token.revokedAt ? day(token.revokedAt) : null,
  }));
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <p className="text-sm"><Link href="/account" className="font-medium text-brand-700 underline">{tAccount("title")}</Link></p>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-stone-700">
        {t.rich("intro", {
          maxDays: MAX_TOKEN_DAYS,
          link: (chunks) => <Link href="/developers" className="font-medium text-brand-700 underline">{chunks}</Link>,
        })}
      </p>
      <ApiTokens
        tokens={rows}
        apiBaseUrl={appUrl()}
        defaultDays={DEFAULT_TOKEN_DAYS}
        maxDays={MAX_TOKEN_DAYS}
        createAction={createApiTokenAction}
        revokeAction={revokeApiTokenAction}
      />
    </div>
  );
}
