import { getTranslations } from "next-intl/server";
import { setPersonalPicksAction } from "@/app/[locale]/(store)/discovery-actions";
import { personalPicksEnabled } from "@/lib/discovery/personal-picks";

/** The account's "personal picks" switch: a plain form, so it works before any script loads. */
export async function PersonalPicksSetting({ userId }: { userId: string }) {
  const [enabled, t] = await Promise.all([personalPicksEnabled(userId), getTranslations("discovery")]);
  return (
    <section id="personal-picks" aria-labelledby="personal-picks-heading" className="flex flex-col gap-2 rounded-xl bg-white p-4">
      <h2 id="personal-picks-heading" className="text-lg font-semibold">{t("settingHeading")}</h2>
      <p className="text-stone-700" data-testid="personal-picks-state">{enabled ? t("settingOn") : t("settingOff")}</p>
      <form action={setPersonalPicksAction}>
        <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
        <button type="submit" className="rounded-lg border border-stone-300 px-3 py-2 font-medium hover:border-brand-600">
          {enabled ? t("turnOff") : t("turnOn")}
        </button>
      </form>
    </section>
  );
}
