"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { LineStatus } from "@/lib/sale-line/schemas";

// An on-sale's line on the event page (lib/sale-line): where this buyer stands, asked of the
// server every few seconds (each ask keeps the place), with the clock to the opening and to
// the end of the buyer's turn ticking here. Renders nothing for an event without a line.
// Figures are announced politely (aria-live) when they change; the ticking clocks are timers,
// which screen readers do not read out every second.

const STATES = new Set(["none", "waiting", "admitted", "sold_out"]);

function clock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const rest = `${String(Math.floor((total % 3600) / 60)).padStart(hours ? 2 : 1, "0")}:${String(total % 60).padStart(2, "0")}`;
  return hours ? `${hours}:${rest}` : rest;
}

async function askLine(eventId: string): Promise<LineStatus> {
  const response = await fetch(`/api/events/${eventId}/line`, { method: "POST", cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(String(response.status));
  const status = (await response.json()) as LineStatus;
  if (!STATES.has(status.state)) throw new Error("unexpected answer");
  return status;
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function SaleLinePanel({ eventId }: { eventId: string }) {
  const t = useTranslations("line");
  const [status, setStatus] = useState<LineStatus | null>(null);
  const [answeredAt, setAnsweredAt] = useState(0);
  const lastState = useRef<LineStatus["state"] | null>(null);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      let next = 5;
      try {
        const answer = await askLine(eventId);
        if (stopped) return;
        // The turn's clock is announced as it was when the turn came, not re-read at each ask.
        if (answer.state !== lastState.current) setAnsweredAt(Date.now());
        lastState.current = answer.state;
        setStatus(answer);
        setOffline(false);
        if (answer.state === "none") return;
        next = answer.pollAfterSeconds;
      } catch {
        if (stopped) return;
        setOffline(true);
      }
      timer = setTimeout(ask, next * 1000);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [eventId]);

  const now = useNow(status !== null && status.state !== "none" && status.state !== "sold_out");
  if (status === null || status.state === "none") return null;
  const opensIn = status.opensAt ? (Date.parse(status.opensAt) - now) / 1000 : 0;
  const turnLeft = status.windowEndsAt ? (Date.parse(status.windowEndsAt) - now) / 1000 : 0;
  const turnAtAnswer = status.windowEndsAt ? (Date.parse(status.windowEndsAt) - answeredAt) / 1000 : 0;

  return (
    <section aria-labelledby="sale-line-heading" data-testid="sale-line" className="flex flex-col gap-2 rounded-xl border border-brand-100 bg-brand-50 p-3 text-stone-900">
      <h3 id="sale-line-heading" className="font-semibold">{t("title")}</h3>
      {status.state === "waiting" && opensIn > 0 ? (
        <p className="text-lg font-semibold" role="timer" data-testid="sale-line-opens-in">
          {t("opensIn", { time: clock(opensIn) })}
        </p>
      ) : null}
      <div aria-live="polite" aria-atomic="true" data-testid="sale-line-status">
        {status.state === "sold_out" ? <p className="font-semibold">{t("soldOut")}</p> : null}
        {status.state === "waiting" ? (
          <>
            <p className="text-lg font-semibold" data-testid="sale-line-ahead">
              {t("ahead", { count: status.ahead ?? 0 })} · {t("wait", { minutes: Math.max(1, Math.ceil((status.estimatedWaitSeconds ?? 0) / 60)) })}
            </p>
            <p className="text-sm text-stone-700">{t("position", { position: status.position ?? 0 })}</p>
          </>
        ) : null}
        {/* Said once when the turn comes; the ticking clock below is not read out. */}
        {status.state === "admitted" ? <p className="sr-only">{t("yourTurn", { time: clock(turnAtAnswer) })}</p> : null}
        {offline ? <p className="text-sm text-red-800">{t("offline")}</p> : null}
      </div>
      {status.state === "admitted" ? (
        <p className="text-lg font-semibold" role="timer" aria-hidden="true" data-testid="sale-line-turn">
          {t("yourTurn", { time: clock(turnLeft) })}
        </p>
      ) : null}
      {status.state === "waiting" ? <p className="text-sm text-stone-700">{t("keepOpen")}</p> : null}
    </section>
  );
}
