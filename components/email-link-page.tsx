import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { AuthFormState } from "@/lib/actions/auth-form-state";
import { EmailLinkForm } from "./email-link-form";

type Inspected = { ok: true; returnTo: string | null; needsName: boolean } | { ok: false; reason: "unknown" | "used" | "expired" };

type Props = {
  purpose: "password_reset" | "sign_in" | "verify_email";
  token: string;
  inspected: Inspected;
  title: string;
  intro: string;
  submitLabel: string;
  /** Where to ask for a new link when this one no longer works. */
  askAgain: string;
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
};

const REFUSED = { unknown: "linkUnknown", used: "linkUsed", expired: "linkExpired" } as const;

/** The page an emailed link opens: a button that uses it, or why it no longer works. */
export async function EmailLinkPage({ purpose, token, inspected, title, intro, submitLabel, askAgain, action }: Props) {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4 pt-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      {inspected.ok ? (
        <>
          <p className="text-stone-700">{inspected.needsName ? t("newAccountIntro") : intro}</p>
          <EmailLinkForm
            purpose={purpose}
            token={token}
            returnTo={inspected.returnTo ?? "/"}
            needsName={inspected.needsName}
            submitLabel={inspected.needsName ? t("createAndSignIn") : submitLabel}
            action={action}
          />
        </>
      ) : (
        <>
          <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">{t(REFUSED[inspected.reason])}</p>
          <Link href={askAgain} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">{t("askAgain")}</Link>
        </>
      )}
    </div>
  );
}
