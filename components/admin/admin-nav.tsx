"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Dashboard", exact: true },
  { href: "/admin/events", label: "Events" },
  { href: "/admin/venues", label: "Venues" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/vouchers", label: "Vouchers" },
  { href: "/admin/check-in", label: "Check-in" },
  { href: "/admin/payouts", label: "Payouts" },
  { href: "/admin/jobs", label: "Jobs", platform: true },
  { href: "/admin/audit", label: "Audit log", platform: true },
];

/**
 * The admin sections: on a phone they wrap onto a second line, none cut at the screen's edge.
 * `platform`: the platform admin's own sections (jobs, the audit log) are shown; a host's
 * members get their host's sections only.
 */
export function AdminNav({ platform, hostNames = [], hostIds = [] }: { platform: boolean; hostNames?: string[]; hostIds?: string[] }) {
  const pathname = usePathname();
  // The hosts' own pages and teams: every host for the platform admin, else "Your host" (or the list of a member's several).
  const hostsLink = { href: !platform && hostIds.length === 1 ? `/admin/hosts/${hostIds[0]}` : "/admin/hosts", label: platform ? "Hosts" : hostIds.length > 1 ? "Your hosts" : "Your host" };
  const links = [...LINKS.slice(0, -3), hostsLink, ...LINKS.slice(-3)];
  return (
    <nav aria-label="Admin" className="-mx-4 border-b border-stone-200 px-4">
      <ul className="flex flex-wrap gap-x-1">
        {links.filter((link) => platform || !("platform" in link)).map((link) => {
          const current = "exact" in link && link.exact ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`) || (link === hostsLink && pathname.startsWith("/admin/hosts/"));
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className="inline-flex min-h-11 items-center border-b-2 border-transparent px-2.5 text-sm sm:px-3 font-medium text-stone-700 hover:text-stone-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700"
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {hostNames.length ? <p className="pb-2 text-sm text-stone-700">For {hostNames.join(", ")}</p> : null}
    </nav>
  );
}
