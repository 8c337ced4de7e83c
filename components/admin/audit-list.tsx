import Link from "next/link";

type Entry = {
  id: string;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

const LINKS: Record<string, (id: string) => string | null> = {
  event: (id) => `/admin/events/${id}`,
  order: (id) => `/admin/orders/${id}`,
  job: () => null,
  host: (id) => `/admin/hosts/${id}`,
  // One voucher by id; a generated batch by its tag (`tag:SUMMER`).
  voucher: (id) => (id.startsWith("tag:") ? `/admin/vouchers?tag=${encodeURIComponent(id.slice(4))}` : `/admin/vouchers/${id}`),
};

/** Who did what and when; the before/after snapshots fold out. */
export function AuditList({ entries, showEntity = false }: { entries: Entry[]; showEntity?: boolean }) {
  if (entries.length === 0) return <p className="text-stone-700">No changes recorded yet.</p>;
  return (
    <ol className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
      {entries.map((entry) => {
        const href = LINKS[entry.entityType]?.(entry.entityId) ?? null;
        return (
          <li key={entry.id} className="flex flex-col gap-1 p-4 text-sm">
            <p>
              <time dateTime={entry.createdAt.toISOString()} className="font-mono text-stone-700">
                {entry.createdAt.toISOString().slice(0, 19).replace("T", " ")} UTC
              </time>{" "}
              · <span className="font-medium">{entry.actorEmail}</span> · <code className="rounded bg-stone-100 px-1">{entry.action}</code>
              {showEntity ? (
                <>
                  {" "}· {href ? <Link href={href} className="text-brand-700 underline">{entry.entityType} {entry.entityId.slice(0, 8)}</Link> : `${entry.entityType} ${entry.entityId.slice(0, 8)}`}
                </>
              ) : null}
            </p>
            {entry.before !== null || entry.after !== null ? (
              <details>
                <summary className="cursor-pointer font-medium text-brand-700">Before and after</summary>
                <div className="mt-2 grid gap-2 lg:grid-cols-2">
                  <div>
                    <h3 className="text-xs font-semibold uppercase text-stone-600">Before</h3>
                    <pre role="region" tabIndex={0} aria-label="State before" className="max-h-80 overflow-auto rounded-lg bg-stone-100 p-2 text-xs">{JSON.stringify(entry.before, null, 2)}</pre>
                  </div>
                  <div>
                    <h3 className="text-xs font-semibold uppercase text-stone-600">After</h3>
                    <pre role="region" tabIndex={0} aria-label="State after" className="max-h-80 overflow-auto rounded-lg bg-stone-100 p-2 text-xs">{JSON.stringify(entry.after, null, 2)}</pre>
                  </div>
                </div>
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
