"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useTransition, type FormEvent } from "react";
import type { QuickFilter } from "@/lib/catalog/filters";
import { CATEGORIES, type EventFilters } from "@/lib/catalog/types";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { localePath } from "@/lib/i18n/paths";
import { DEFAULT_RADIUS_KM, RADII_KM } from "@/lib/places/near-filter";
import { NearMeButton } from "./near-me-button";

export type QuickChip = { quick: QuickFilter; label: string; href: string; on: boolean };

type Props = {
  /** Where the form goes: "/search" (text and filters combine there). */
  action: string;
  query: string;
  filters: Omit<EventFilters, "page">;
  activeCount: number;
  /** One-tap filters, as links (they work without JavaScript and can be shared). */
  chips: QuickChip[];
  autoFocus?: boolean;
};

const field = "w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base";
const chip = "inline-flex min-h-11 shrink-0 items-center gap-1 rounded-full border px-4 text-sm font-medium whitespace-nowrap";

/**
 * The search box and the filters in one GET form, so a text query and filters always
 * combine and the URL says what is shown. The filters fold away behind one "Filters" pill
 * so the events start on the first screen of a phone. With JavaScript, blank fields are left
 * out of the URL and the panel closes before the results load, so they are what is in view.
 */
export function EventFinder({ action, query, filters, activeCount, chips, autoFocus = false }: Props) {
  const t = useTranslations("finder");
  const tCategory = useTranslations("categories");
  const tQuick = useTranslations("quick");
  const tNear = useTranslations("near");
  const near = filters.near;
  const locale = useLocale();
  const router = useRouter();
  const details = useRef<HTMLDetailsElement>(null);
  const [pending, startTransition] = useTransition();
  const price = filters.free ? "free" : filters.maxPriceMinor !== undefined ? String(filters.maxPriceMinor / 100) : "";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "") params.append(name, value.trim());
    }
    // "From"/"To" only mean something for "Between dates"; leftovers would be ignored anyway.
    if (params.get("date") !== "range") {
      params.delete("from");
      params.delete("to");
    }
    // A typed place is where distances start; with none, the position "Near me" found stays
    // (it is in no field: only the browser's location gives it); with neither, no distance.
    if (!params.has("place") && near?.lat !== undefined && near.lng !== undefined) {
      params.set("lat", String(near.lat));
      params.set("lng", String(near.lng));
    }
    if (!params.has("place") && !params.has("lat")) params.delete("radius");
    if (details.current) details.current.open = false;
    (document.activeElement as HTMLElement | null)?.blur();
    startTransition(() => router.push(`${action}?${params.toString()}`));
  }

  return (
    <form action={localePath(locale, action)} method="get" role="search" aria-label={t("label")} onSubmit={submit} className="flex flex-col gap-2">
      <div className="flex gap-2">
        <label htmlFor="q" className="sr-only">{t("searchLabel")}</label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query}
          autoFocus={autoFocus}
          maxLength={200}
          enterKeyHint="search"
          placeholder={t("placeholder")}
          className="min-h-12 w-full min-w-0 rounded-xl border border-stone-300 bg-white px-4 text-base shadow-sm"
        />
        <button type="submit" className="min-h-12 shrink-0 rounded-xl bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700" aria-busy={pending || undefined}>
          {t("submit")}
        </button>
      </div>
      <div className="flex flex-wrap items-start gap-2">
        <details ref={details} className="group shrink-0 open:w-full">
          <summary className={`${chip} cursor-pointer list-none border-stone-300 bg-white [&::-webkit-details-marker]:hidden ${activeCount > 0 ? "border-brand-600 text-brand-700" : ""}`}>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor"><path d="M3 5h14v2H3zm3 4h8v2H6zm2 4h4v2H8z" /></svg>
            {t("filters")}{activeCount > 0 ? <span className="rounded-full bg-brand-600 px-1.5 text-xs text-white">{activeCount}<span className="sr-only"> {t("filtersOn")}</span></span> : null}
          </summary>
          <div className="mt-2 rounded-2xl border border-stone-200 bg-white p-4">
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
              <label className="col-span-2 flex flex-col gap-1 text-sm font-medium sm:col-span-1">
                {t("what")}
                <select name="category" defaultValue={filters.category ?? ""} className={field}>
                  <option value="">{t("everything")}</option>
                  {CATEGORIES.map((category) => (
                    <option key={category.value} value={category.value}>{tCategory(category.value)}</option>
                  ))}
                </select>
              </label>
              <label className="col-span-2 flex flex-col gap-1 text-sm font-medium sm:col-span-1">
                {t("where")}
                <input name="where" defaultValue={filters.where ?? ""} placeholder={t("wherePlaceholder")} className={field} maxLength={80} />
              </label>
              <label className="col-span-2 flex flex-col gap-1 text-sm font-medium sm:col-span-1">
                {tNear("place")}
                <input name="place" defaultValue={near?.place ?? ""} placeholder={tNear("placePlaceholder")} className={field} maxLength={80} />
              </label>
              <label className="col-span-2 flex flex-col gap-1 text-sm font-medium sm:col-span-1">
                {tNear("distance")}
                {/* The widest distance is the default (no parameter): a form sent without a place stays valid. */}
                <select name="radius" defaultValue={near?.radiusKm && near.radiusKm !== DEFAULT_RADIUS_KM ? String(near.radiusKm) : ""} className={field}>
                  {RADII_KM.map((km) => (
                    <option key={km} value={km === DEFAULT_RADIUS_KM ? "" : String(km)}>{tNear("within", { km })}</option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium">
                {t("when")}
                <select name="date" defaultValue={filters.date ?? ""} className={field}>
                  <option value="">{t("anyDate")}</option>
                  <option value="today">{t("today")}</option>
                  <option value="weekend">{t("weekend")}</option>
                  <option value="range">{t("range")}</option>
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium">
                {t("price")}
                <select name="price" defaultValue={price} className={field}>
                  <option value="">{t("anyPrice")}</option>
                  <option value="free">{t("free")}</option>
                  <option value="10">{t("upTo", { amount: 10 })}</option>
                  <option value="20">{t("upTo", { amount: 20 })}</option>
                  <option value="50">{t("upTo", { amount: 50 })}</option>
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium">
                {t("from")}
                <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} />
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium">
                {t("to")}
                <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} />
              </label>
            </div>
            <p className="mt-2 text-xs text-stone-600">{t("currencyNote")}</p>
            <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
              <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
                <input type="checkbox" name="available" value="1" defaultChecked={filters.available} className="size-5 accent-brand-600" />
                {t("onlyAvailable")}
              </label>
              <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">{t("show")}</button>
            </div>
          </div>
        </details>
        <NearMeButton action={action} />
        <ul aria-label={t("quickFilters")} className="-mr-4 flex min-w-0 flex-1 gap-2 overflow-x-auto pr-4 [scrollbar-width:none]">
          {chips.map((quick) => (
            <li key={quick.quick} className="shrink-0">
              <Link
                href={quick.href}
                scroll={false}
                aria-current={quick.on ? "true" : undefined}
                className={`${chip} ${quick.on ? "border-brand-600 bg-brand-600 text-white" : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100"}`}
              >
                {quick.on ? <span aria-hidden="true">✓</span> : null}
                {tQuick(quick.quick)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}
