import { STACKED } from "./stacked-table";

const STATUSES = ["queued", "running", "succeeded", "dead"] as const;

/** Jobs by kind (rows) and status (columns); finished jobs are only those of a recent window. */
export function PipelineTable({ rows, caption, succeededLabel }: { rows: { kind: string; status: string; count: number }[]; caption: string; succeededLabel: string }) {
  const kinds = [...new Set(rows.map((row) => row.kind))].sort();
  const count = (kind: string, status: string) => rows.find((row) => row.kind === kind && row.status === status)?.count ?? 0;
  return (
    <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white" role="region" aria-label={caption} tabIndex={0}>
      <table className={STACKED.table}>
        <caption className="sr-only">{caption}</caption>
        <thead className={STACKED.head}>
          <tr>
            <th scope="col" className="p-3">Kind</th>
            {STATUSES.map((status) => <th key={status} scope="col" className="p-3 text-right">{status === "succeeded" ? succeededLabel : status}</th>)}
          </tr>
        </thead>
        <tbody className={STACKED.body}>
          {kinds.map((kind) => (
            <tr key={kind} className={STACKED.row}>
              <th scope="row" className={`p-3 text-left font-mono font-medium ${STACKED.rowHeader}`}>{kind}</th>
              {STATUSES.map((status) => (
                <td
                  key={status}
                  data-label={status === "succeeded" ? succeededLabel : status}
                  className={`p-3 text-right tabular-nums ${STACKED.cell} ${status === "dead" && count(kind, status) > 0 ? "font-bold text-red-800" : ""}`}
                >
                  {count(kind, status)}
                </td>
              ))}
            </tr>
          ))}
          {kinds.length === 0 ? <tr className="max-sm:block"><td colSpan={5} className="p-3 text-stone-700 max-sm:block">No jobs yet.</td></tr> : null}
        </tbody>
      </table>
    </div>
  );
}

export function formatAge(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
