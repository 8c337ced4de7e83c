"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { formatMoney } from "@/lib/money";
import type { AppliedVoucher } from "@/app/[locale]/(store)/checkout/actions";
import type { RevealedType } from "@/lib/checkout/apply-voucher";
import type { VoucherOffer } from "@/lib/orders/voucher";

const field = "min-h-11 min-w-0 flex-1 rounded-lg border border-stone-300 bg-white px-3 text-base uppercase";

/**
 * "Have a code?" in the buy panel (issue 28): the code is checked at once (its discount joins
 * the panel's quote, the hidden types it reveals join the list) and sent with the purchase,
 * whose commit counts it under its lock. Folded away until asked for: most buyers have none.
 */
export function VoucherField(props: {
  slug: string;
  applied: { voucher: VoucherOffer; revealed: RevealedType[] } | null;
  discountMinor: number;
  currency: string;
  error?: string;
  applyVoucher: (slug: string, code: string) => Promise<AppliedVoucher>;
  onApplied: (applied: { voucher: VoucherOffer; revealed: RevealedType[]; offered?: Record<string, number> } | null) => void;
}) {
  const t = useTranslations("ticketPanel");
  const locale = useLocale();
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [checking, startChecking] = useTransition();
  const error = message ?? props.error;

  function apply() {
    if (!code.trim()) return;
    startChecking(async () => {
      const answer = await props.applyVoucher(props.slug, code);
      if (answer?.ok) {
        setMessage(null);
        props.onApplied({ voucher: answer.voucher, revealed: answer.revealed, offered: answer.offered });
      } else {
        setMessage(answer?.message ?? null);
      }
    });
  }

  if (props.applied) {
    return (
      <p className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-green-50 p-3 text-sm text-green-900" role="status" data-testid="voucher-applied">
        <span>
          {t("codeApplied", { code: props.applied.voucher.code })}
          {props.discountMinor > 0 ? ` · −${formatMoney(props.discountMinor, props.currency, locale)}` : ""}
          {props.applied.revealed.length > 0 ? ` · ${t("codeRevealed", { count: props.applied.revealed.length })}` : ""}
        </span>
        <button type="button" onClick={() => props.onApplied(null)} className="min-h-11 font-medium text-brand-700 underline">{t("removeCode")}</button>
      </p>
    );
  }
  return (
    <details className="rounded-xl border border-stone-200 px-3" open={error ? true : undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold">{t("haveCode")}</summary>
      <div className="flex flex-col gap-1 pb-3">
        <label htmlFor="voucher-code" className="text-sm font-medium">{t("codeLabel")}</label>
        <div className="flex gap-2">
          <input
            id="voucher-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            onKeyDown={(event) => {
              // Enter applies the code rather than buying.
              if (event.key === "Enter") {
                event.preventDefault();
                apply();
              }
            }}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={40}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "voucher-error" : undefined}
            className={field}
          />
          <button type="button" onClick={apply} disabled={checking || !code.trim()} className="min-h-11 shrink-0 rounded-lg border border-brand-600 px-4 font-semibold text-brand-700 disabled:opacity-60">
            {checking ? t("checkingCode") : t("applyCode")}
          </button>
        </div>
        {error ? <p id="voucher-error" className="text-sm font-medium text-red-700" role="alert">{error}</p> : null}
      </div>
    </details>
  );
}
