"use client";
import { useTranslations } from "next-intl";
import { prepareSignOut } from "@/lib/offline/prepare-sign-out";

/**
 * Signs out with a plain form POST to /sign-out (so it works before the page's script has
 * loaded); with script, first uploads the door scanner's queued admissions and clears what
 * the phone kept for offline use (lib/offline/prepare-sign-out.ts).
 */
export function SignOutButton({ account, className, children }: { account: string | null; className: string; children: React.ReactNode }) {
  const t = useTranslations("header");
  return (
    <form
      action="/sign-out"
      method="post"
      className="shrink-0"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        void prepareSignOut({ account, confirmLoss: (count) => window.confirm(t("unsentCheckIns", { count })) }).then((go) => {
          if (go) form.submit();
        });
      }}
    >
      <button type="submit" className={className}>
        {children}
      </button>
    </form>
  );
}
