import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth";
import { readGuestViews } from "@/lib/discovery/guest-views";
import { listPicksForYou } from "@/lib/discovery/picks-for-you";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { EventCardList } from "./event-card-list";

/**
 * "For you" on the home page: a signed-in buyer's picks (unless turned off on /account), or a
 * guest's from this visit's views; nothing when there is nothing to go on. One sentence says
 * why these are shown. Rendered with the page, not streamed: it sits above the listing, and a
 * section arriving later pushed the listing down (Lighthouse measured a layout shift of 0.61 on
 * a returning guest's home page); the query is ~10 ms (docs/benchmarks.md §4).
 */
export async function PicksForYou({ locale }: { locale: Locale }) {
  const user = await currentUser();
  const [picks, t] = await Promise.all([
    listPicksForYou({ user, guestViews: user ? [] : await readGuestViews() }, { locale }),
    getTranslations("discovery"),
  ]);
  if (picks.kind === "off" || picks.kind === "none") return null;
  return (
    <section aria-labelledby="for-you" className="flex flex-col gap-3" data-testid="for-you">
      <h2 id="for-you" className="text-lg font-semibold">{t("forYou")}</h2>
      <p className="text-sm text-stone-700">
        {picks.kind === "account"
          ? t.rich("forYouWhyAccount", { link: (chunks) => <Link href="/account#personal-picks" className="font-medium text-brand-700 underline">{chunks}</Link> })
          : t("forYouWhyVisit")}
      </p>
      <EventCardList events={picks.items} label={t("forYou")} priorityFirst />
    </section>
  );
}
