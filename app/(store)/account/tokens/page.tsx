import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokens, type ApiTokenRow } from "@/components/api-tokens";
import { requireUser } from "@/lib/auth";
import { DEFAULT_TOKEN_DAYS, listApiTokens, MAX_TOKEN_DAYS } from "@/lib/api/tokens";
import { formatInZone } from "@/lib/time";
import { appUrl } from "@/lib/urls";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens", robots: { index: false } };

const day = (date: Date) => formatInZone(date, "UTC", { day: "numeric", month: "short", year: "numeric" });

export default async function ApiTokensPage() {
  const user = await requireUser("/account/tokens");
  const tokens = await listApiTokens(user.id);
  const rows: ApiTokenRow[] = tokens.map((token) => ({
    id: token.id,
    name: token.name,
    hint: token.hint,
    // Scope and expiry ride along in the "created" text until the table has columns for them.
    created: `${day(token.createdAt)} · ${token.scope === "read" ? "read-only" : token.scope === "check_in" ? "door check-in only" : "may buy"} · ${token.expiresAt > new Date() ? "expires" : "expired"} ${day(token.expiresAt)}`,
    lastUsed: token.lastUsedAt ? day(token.lastUsedAt) : null,
    revoked: token.revokedAt ? day(token.revokedAt) : null,
  }));
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <p className="text-sm"><Link href="/account" className="font-medium text-brand-700 underline">My tickets</Link></p>
      <h1 className="text-2xl font-bold">API tokens</h1>
      <p className="text-stone-700">
        A token lets an app or a script buy tickets and read your orders as you, without your password. Anyone who has it can
        spend on your behalf: keep it secret, give each app its own, and revoke one you no longer use. See the{" "}
        <Link href="/developers" className="font-medium text-brand-700 underline">API reference</Link>. A token stops working after
        the days you choose (at most {MAX_TOKEN_DAYS}); a read-only one can never spend.
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
