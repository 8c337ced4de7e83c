import Link from "next/link";

type Props = { user: { name: string; role: "attendee" | "admin" } | null; signOutAction: () => Promise<void> };

export function SiteHeader({ user, signOutAction }: Props) {
  return (
    <header className="sticky top-0 z-40 border-b border-stone-200 bg-white/95 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-2 px-4 py-2">
        <Link href="/" className="mr-auto flex items-center gap-2 rounded py-2 text-lg font-bold tracking-tight text-brand-700">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm text-white">LT</span>
          Local Tickets
        </Link>
        <Link href="/search" className="rounded-lg px-3 py-2 text-sm font-medium hover:bg-stone-100">Search</Link>
        {user ? (
          <>
            {user.role === "admin" ? <Link href="/admin" className="rounded-lg px-3 py-2 text-sm font-medium hover:bg-stone-100">Admin</Link> : null}
            <Link href="/account" className="rounded-lg px-3 py-2 text-sm font-medium hover:bg-stone-100">My tickets</Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded-lg px-3 py-2 text-sm font-medium text-stone-600 hover:bg-stone-100">Sign out</button>
            </form>
          </>
        ) : (
          <Link href="/sign-in" className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700">Sign in</Link>
        )}
      </nav>
    </header>
  );
}
