"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

export type ApiTokenRow = {
  id: string;
  name: string;
  hint: string;
  /** Already formatted on the server (no time-zone mismatch between server and browser). */
  created: string;
  lastUsed: string | null;
  revoked: string | null;
};

type CreateState = { ok: true; name: string; secret: string } | { ok: false; message: string; fieldErrors?: Record<string, string> } | null;
type RevokeState = { ok: boolean; message: string } | null;

type Props = {
  tokens: ApiTokenRow[];
  apiBaseUrl: string;
  /** Lifetime limits of a token, in days (lib/auth/api-tokens.ts). */
  defaultDays: number;
  maxDays: number;
  createAction: (state: CreateState, formData: FormData) => Promise<CreateState>;
  revokeAction: (state: RevokeState, formData: FormData) => Promise<RevokeState>;
};

/** What a token may do, as the form offers it (lib/auth/api-tokens.ts checks the value). */
const SCOPES = [
  { value: "read", label: "scopeRead", hint: "scopeReadHint" },
  { value: "write", label: "scopeBuy", hint: "scopeBuyHint" },
  { value: "check_in", label: "scopeCheckIn", hint: "scopeCheckInHint" },
] as const;

export function ApiTokens({ tokens, apiBaseUrl, defaultDays, maxDays, createAction, revokeAction }: Props) {
  const t = useTranslations("tokens");
  const [state, formAction, pending] = useActionState(createAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const nameError = fieldErrors.name;
  const scopeError = fieldErrors.scope;
  const daysError = fieldErrors.expiresInDays;
  const anyFieldError = nameError ?? scopeError ?? daysError;
  const active = tokens.filter((token) => !token.revoked);
  const revoked = tokens.filter((token) => token.revoked);
  return (
    <div className="flex flex-col gap-6">
      <form action={formAction} className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4" noValidate>
        <h2 className="text-lg font-semibold">{t("newToken")}</h2>
        <div className="flex flex-col gap-1">
          <label htmlFor="token-name" className="text-sm font-medium">{t("name")}</label>
          <input
            id="token-name"
            name="name"
            type="text"
            maxLength={100}
            required
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "token-name-error" : undefined}
            className="min-h-12 rounded-lg border border-stone-300 bg-white px-3 text-base aria-[invalid]:border-red-600"
          />
          {nameError ? <p id="token-name-error" className="text-sm font-medium text-red-700">{nameError}</p> : null}
        </div>
        <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={scopeError ? "token-scope-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">{t("scope")}</legend>
          {SCOPES.map((scope) => (
            <label key={scope.value} className="flex min-h-11 items-start gap-3 rounded-lg border border-stone-300 p-3 has-[:checked]:border-brand-600">
              <input type="radio" name="scope" value={scope.value} defaultChecked={scope.value === "write"} className="mt-1 size-4 shrink-0" />
              <span className="flex flex-col">
                <span className="font-medium">{t(scope.label)}</span>
                <span className="text-sm text-stone-700">{t(scope.hint)}</span>
              </span>
            </label>
          ))}
          {scopeError ? <p id="token-scope-error" className="text-sm font-medium text-red-700">{scopeError}</p> : null}
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor="token-days" className="text-sm font-medium">{t("days", { maxDays })}</label>
          <input
            id="token-days"
            name="expiresInDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxDays}
            step={1}
            defaultValue={defaultDays}
            required
            aria-invalid={daysError ? true : undefined}
            aria-describedby={daysError ? "token-days-error" : undefined}
            className="min-h-12 w-32 rounded-lg border border-stone-300 bg-white px-3 text-base aria-[invalid]:border-red-600"
          />
          {daysError ? <p id="token-days-error" className="text-sm font-medium text-red-700">{daysError}</p> : null}
        </div>
        {state && !state.ok && !anyFieldError ? <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">{state.message}</p> : null}
        <button type="submit" disabled={pending} className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {t("create")}
        </button>
      </form>

      {state?.ok ? <NewSecret name={state.name} secret={state.secret} apiBaseUrl={apiBaseUrl} /> : null}

      <section aria-labelledby="active-tokens" className="flex flex-col gap-2">
        <h2 id="active-tokens" className="text-lg font-semibold">{t("active")}</h2>
        {active.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-stone-700">{t("noneActive")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {active.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-stone-200 bg-white p-4" data-testid="api-token">
                <TokenFacts token={token} />
                <RevokeButton tokenId={token.id} name={token.name} action={revokeAction} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {revoked.length > 0 ? (
        <details className="rounded-xl border border-stone-200 bg-white p-4">
          <summary className="cursor-pointer font-medium">{t("revokedList", { count: revoked.length })}</summary>
          <ul className="mt-3 flex flex-col gap-3">
            {revoked.map((token) => (
              <li key={token.id} className="text-stone-600">
                <TokenFacts token={token} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function TokenFacts({ token }: { token: ApiTokenRow }) {
  const t = useTranslations("tokens");
  return (
    <span className="flex min-w-0 flex-col">
      <span className="break-words font-semibold">{token.name}</span>
      <span className="font-mono text-xs text-stone-600">lt_…{token.hint}</span>
      <span className="text-sm text-stone-600">
        {t("created", { created: token.created })} · {token.revoked ? t("revokedOn", { date: token.revoked }) : token.lastUsed ? t("lastUsed", { date: token.lastUsed }) : t("neverUsed")}
      </span>
    </span>
  );
}

function NewSecret({ name, secret, apiBaseUrl }: { name: string; secret: string; apiBaseUrl: string }) {
  const t = useTranslations("tokens");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <section role="status" aria-labelledby="new-secret" className="flex flex-col gap-3 rounded-2xl border-2 border-green-700 bg-green-50 p-4">
      <h2 id="new-secret" className="text-lg font-semibold text-green-900">{t("newSecret", { name })}</h2>
      <p className="font-medium text-green-900">{t("copyNow")}</p>
      <label htmlFor="new-secret-value" className="sr-only">{t("token")}</label>
      <input
        id="new-secret-value"
        readOnly
        value={secret}
        onFocus={(event) => event.currentTarget.select()}
        className="min-h-12 w-full rounded-lg border border-green-700 bg-white px-3 font-mono text-sm"
        data-testid="new-token-secret"
      />
      <button type="button" onClick={copy} className="min-h-11 rounded-lg border border-green-700 bg-white font-medium text-green-900">
        {copied ? t("copied") : t("copy")}
      </button>
      <p className="text-sm text-stone-700">{t("useAsBearer")}</p>
      {/* Scrolls sideways on a phone: focusable, so a keyboard can scroll it too. */}
      <pre
        role="region"
        aria-label={t("example")}
        tabIndex={0}
        className="overflow-x-auto rounded-lg bg-stone-900 p-3 text-xs text-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <code>{`curl -X POST ${apiBaseUrl}/api/events/EVENT_ID/buy \\\n  -H "Authorization: Bearer ${secret}" \\\n  -H "Content-Type: application/json" \\\n  -H "Idempotency-Key: $(uuidgen)" \\\n  -d '{"items":[{"ticketTypeId":"TICKET_TYPE_ID","quantity":1}]}'`}</code>
      </pre>
    </section>
  );
}

function RevokeButton({ tokenId, name, action }: { tokenId: string; name: string; action: Props["revokeAction"] }) {
  const t = useTranslations("tokens");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("revokeNamed", { name })}
        className="min-h-11 rounded-lg border border-red-300 bg-white px-4 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {t("revoke")}
      </button>
      {state && !state.ok ? <p role="alert" className="text-sm text-red-700">{state.message}</p> : null}
    </form>
  );
}
