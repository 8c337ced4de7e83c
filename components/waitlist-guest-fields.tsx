"use client";
import { useTranslations } from "next-intl";

const field = "min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base";

/** A guest's email and name on a waiting-list form (a signed-in visitor joins as their account); each error beside its field. */
export function WaitlistGuestFields({ errors, idPrefix }: { errors: Record<string, string | undefined>; idPrefix: string }) {
  const t = useTranslations("waitlist");
  const described = (name: string) => (errors[name] ? `${idPrefix}-${name}-error` : undefined);
  const error = (name: string) => (errors[name] ? <span id={`${idPrefix}-${name}-error`} className="font-medium text-red-700">{errors[name]}</span> : null);
  return (
    <>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("email")}
        <input type="email" name="email" autoComplete="email" inputMode="email" required maxLength={254} className={field} aria-invalid={errors.email ? true : undefined} aria-describedby={described("email")} />
        {error("email")}
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("name")}
        <input type="text" name="name" autoComplete="name" required maxLength={100} className={field} aria-invalid={errors.name ? true : undefined} aria-describedby={described("name")} />
        {error("name")}
      </label>
    </>
  );
}
