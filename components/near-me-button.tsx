"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { roundedPosition } from "@/lib/places/near-filter";

type Props = {
  /** Where the results are ("/search"). */
  action: string;
};

const NEAR_PARAMETERS = ["lat", "lng", "place", "page"];

/**
 * Asks the browser for the visitor's position only when they press it (never on load), then
 * opens the results nearest first. The position is rounded to about 100 m before it enters
 * the URL (lib/places/near-filter.ts) and is kept nowhere else. Without JavaScript or
 * permission, the "Near" field of the filters (a typed place) does the same.
 */
export function NearMeButton({ action }: Props) {
  const t = useTranslations("near");
  const router = useRouter();
  const [state, setState] = useState<"idle" | "locating" | "unavailable">("idle");
  const [pending, startTransition] = useTransition();

  function locate() {
    if (!("geolocation" in navigator)) {
      setState("unavailable");
      return;
    }
    setState("locating");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { lat, lng } = roundedPosition(position.coords.latitude, position.coords.longitude);
        // The text, dates, price and distance in view stay; a typed place gives way to the position.
        const params = new URLSearchParams(window.location.search);
        for (const name of NEAR_PARAMETERS) params.delete(name);
        params.set("lat", String(lat));
        params.set("lng", String(lng));
        setState("idle");
        startTransition(() => router.push(`${action}?${params.toString()}`));
      },
      () => setState("unavailable"),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  return (
    <>
      <button
        type="button"
        onClick={locate}
        aria-busy={state === "locating" || pending || undefined}
        className="inline-flex min-h-11 shrink-0 items-center gap-1 rounded-full border border-stone-300 bg-white px-4 text-sm font-medium whitespace-nowrap text-stone-800 hover:bg-stone-100"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor"><path d="M10 2a6 6 0 0 0-6 6c0 4.4 6 10 6 10s6-5.6 6-10a6 6 0 0 0-6-6zm0 8.2A2.2 2.2 0 1 1 10 5.8a2.2 2.2 0 0 1 0 4.4z" /></svg>
        {state === "locating" ? t("locating") : t("nearMe")}
      </button>
      {state === "unavailable" ? <p role="alert" className="w-full text-sm text-red-800">{t("unavailable")}</p> : null}
    </>
  );
}
