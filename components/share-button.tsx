"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function ShareButton({ title, url }: { title: string; url: string }) {
  const t = useTranslations("event");
  const [copied, setCopied] = useState(false);
  async function share() {
    if (navigator.share) {
      await navigator.share({ title, url }).catch(() => {});
      return;
    }
    await navigator.clipboard?.writeText(url);
    setCopied(true);
  }
  return (
    <button type="button" onClick={share} className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 font-medium hover:bg-stone-100">
      {copied ? t("linkCopied") : t("share")}
    </button>
  );
}
