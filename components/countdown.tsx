"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

function format(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** Time left on a hold, counted down from the server's figure; the server stays the judge of expiry. */
export function Countdown({ secondsLeft }: { secondsLeft: number }) {
  const t = useTranslations("pay");
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setLeft(secondsLeft - (Date.now() - started) / 1000), 1000);
    return () => clearInterval(timer);
  }, [secondsLeft]);
  return left > 0 ? <span role="timer">{format(left)}</span> : <span>{t("expired")}</span>;
}
