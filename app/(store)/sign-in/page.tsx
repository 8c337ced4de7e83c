import type { Metadata } from "next";
import { AuthForm } from "@/components/auth-form";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { safeReturnPath } from "@/lib/urls";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function Page({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeReturnPath(firstParam(callbackUrl));
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4 pt-4">
      <h1 className="text-2xl font-bold">Sign in</h1>
      {returnTo.startsWith("/checkout") ? <p className="rounded-lg bg-brand-50 p-3 text-sm">Your chosen tickets are kept: you will be back at checkout in a moment.</p> : null}
      <AuthForm mode="sign-in" callbackUrl={returnTo} action={signInAction} />
    </div>
  );
}
