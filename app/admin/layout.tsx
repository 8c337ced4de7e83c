import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { listOwnHosts } from "@/lib/hosts/list-own-hosts";
import { canRunPlatform } from "@/lib/auth/policy";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · Local Tickets" },
  robots: { index: false, follow: false },
};

// Every page below checks the role again itself: a layout is not re-rendered on every
// navigation, so it is not a guard on its own (and actions and routes check in lib/admin).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAdminActor();
  const platform = canRunPlatform(actor);
  const hosts = platform ? [] : await listOwnHosts(actor);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Admin</p>
        <AdminNav platform={platform} hostNames={hosts.map((host) => host.name)} hostIds={hosts.map((host) => host.id)} />
      </div>
      {children}
    </div>
  );
}
