"use client";
import { useEffect, useState } from "react";

/**
 * The "Get tickets" bar that stays at the bottom of a phone's screen while the buyer reads,
 * and steps aside while any of the buying panel is on screen: it would cover the panel's rows
 * (a price, the places left, a "+"; issue 33), and two buttons for one thing would only
 * confuse. A plain link to the panel, so it works before JavaScript has loaded.
 */
export function BuyBar({ targetId, label, detail }: { targetId: string; label: string; detail: string }) {
  const [targetInView, setTargetInView] = useState(false);
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) setTargetInView(entry.isIntersecting);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [targetId]);

  return (
    <div
      data-testid="buy-bar"
      data-hidden={targetInView || undefined}
      className={`fixed inset-x-0 bottom-0 z-30 border-t border-stone-200 bg-white/95 px-4 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur transition-transform lg:hidden ${targetInView ? "pointer-events-none translate-y-full" : ""}`}
      aria-hidden={targetInView || undefined}
    >
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3">
        <p className="min-w-0 truncate text-sm font-semibold">{detail}</p>
        <a
          href={`#${targetId}`}
          tabIndex={targetInView ? -1 : undefined}
          onClick={(event) => {
            const target = document.getElementById(targetId);
            if (!target) return;
            event.preventDefault();
            target.scrollIntoView({ behavior: "smooth", block: "start" });
            // Keyboard and screen-reader users land in the panel, not back at the top.
            target.focus({ preventScroll: true });
          }}
          className="inline-flex min-h-12 shrink-0 items-center rounded-xl bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700"
        >
          {label}
        </a>
      </div>
    </div>
  );
}
