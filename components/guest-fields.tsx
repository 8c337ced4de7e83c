"use client";
import { useTranslations } from "next-intl";

const field = "min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base";

/**
 * What a buyer without an account gives (issue 27): the email the tickets and the order's
 * private link go to, and a name for the tickets. Signing in instead is one link away.
 */
export function GuestFields({ errors, signInHref }: { errors: Record<string, string>; signInHref: string }) {
  const t = useTranslations("ticketPanel");
  return (
    <fieldset className="flex min-w-0 flex-col gap-3" data-testid="guest-fields">
      <legend className="mb-1 text-sm font-semibold">{t("guestHeading")}</legend>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("guestEmailLabel")}
        <input type="email" name="buyerEmail" autoComplete="email" inputMode="email" required aria-invalid={errors.buyerEmail ? true : undefined} aria-describedby="guest-email-hint" className={field} />
        <span id="guest-email-hint" className="font-normal text-stone-600">{t("guestEmailHint")}</span>
        {errors.buyerEmail ? <span className="font-medium text-red-700" role="alert">{errors.buyerEmail}</span> : null}
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("guestNameLabel")}
        <input type="text" name="buyerName" autoComplete="name" required maxLength={100} aria-invalid={errors.buyerName ? true : undefined} className={field} />
        {errors.buyerName ? <span className="font-medium text-red-700" role="alert">{errors.buyerName}</span> : null}
      </label>
      <a href={signInHref} className="text-sm font-medium text-brand-700 underline">{t("haveAccount")}</a>
    </fieldset>
  );
}
