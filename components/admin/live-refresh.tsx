"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page's server components every few seconds while it is visible (live door figures). */
export function LiveRefresh({ everyMs = 5_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
