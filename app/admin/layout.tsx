import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdminActor } from "@/lib/admin/require-admin";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · Local Tickets" },
  robots: { index: false, follow: false },
};

// Every page below checks the role again itself: a layout is not re-rendered on every
// navigation, so it is not a guard on its own (and actions and routes check in lib/admin).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdminActor();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Admin</p>
        <AdminNav />
      </div>
      {children}
    </div>
  );
}
