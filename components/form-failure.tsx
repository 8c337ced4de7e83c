"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * The failure of a checkout form. "Too busy right now" is not an error of the buyer's: it is
 * shown calmly, with a countdown, and the button is offered again once the wait is over.
 */
export function FormFailure({ state }: { state: ActionState }) {
  const t = useTranslations("checkout");
  const retryAfter = state && !state.ok ? state.retryAfterSeconds : undefined;
  const [left, setLeft] = useState(retryAfter ?? 0);
  // A new answer restarts the countdown (React's "adjust state when a prop changes" pattern).
  const [counted, setCounted] = useState(state);
  if (counted !== state) {
    setCounted(state);
    setLeft(retryAfter ?? 0);
  }
  useEffect(() => {
    if (!retryAfter) return;
    const started = Date.now();
    const timer = setInterval(() => setLeft(Math.max(0, retryAfter - Math.floor((Date.now() - started) / 1000))), 1000);
    return () => clearInterval(timer);
  }, [retryAfter, state]);
  if (!state || state.ok) return null;
  if (retryAfter) {
    return (
      <p role="status" className="rounded-lg bg-amber-50 p-3 font-medium text-amber-900">
        {state.message} {left > 0 ? t("retryIn", { seconds: left }) : t("retryNow")}
      </p>
    );
  }
  return <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">{state.message}</p>;
}
