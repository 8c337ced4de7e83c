import { adminTitle } from "@/app/admin/admin-title";
import { AuditList } from "@/components/admin/audit-list";
import { listAuditLog } from "@/lib/admin/list-audit-log";
import { requirePlatformActor } from "@/lib/admin/require-admin";

export const generateMetadata = adminTitle("Audit log");

export default async function AuditPage() {
  const actor = await requirePlatformActor();
  const entries = await listAuditLog({ actor, limit: 100 });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
      <p className="text-stone-700">The latest 100 admin changes, newest first.</p>
      <AuditList entries={entries} showEntity />
    </div>
  );
}
