import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { currentUser } from "@/lib/auth";
import { usesLocalProvider } from "@/lib/payments/provider";
import { signOutAction } from "./actions";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Local Tickets: things to do near you", template: "%s · Local Tickets" },
  description: "Tickets for local festivals, concerts, comedy, workshops and tours with a local host.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#c2410c",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const testPayments = usesLocalProvider();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        {testPayments ? (
          // Loud on purpose: with the local provider anyone can "pay" without money moving
          // (a demo or staging site, or development). Production needs UNSAFE_TEST_PAYMENTS for it.
          <p role="note" className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-stone-950">
            Test mode: checkout is simulated and no money is taken. Orders placed here are not real.
          </p>
        ) : null}
        <SiteHeader user={user} signOutAction={signOutAction} />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 pb-16 pt-4">
          {children}
        </main>
        <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-600">
          Local Tickets · tickets for things to do near you ·{" "}
          <Link href="/developers" className="underline">API for developers</Link> ·{" "}
          <Link href="/openactive" className="underline">Open data</Link>
        </footer>
      </body>
    </html>
  );
}
