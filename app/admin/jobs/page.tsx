import { adminTitle } from "@/app/admin/admin-title";
import Link from "next/link";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { formatAge, PipelineTable } from "@/components/admin/pipeline-table";
import { getJobPipeline, listDeadJobs } from "@/lib/admin/jobs/list-jobs";
import { requirePlatformActor } from "@/lib/admin/require-admin";
import { discardJobAction, retryJobAction } from "./actions";

export const generateMetadata = adminTitle("Jobs");

export default async function AdminJobsPage() {
  const actor = await requirePlatformActor();
  const [pipeline, dead] = await Promise.all([getJobPipeline({ actor }), listDeadJobs({ actor })]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Jobs</h1>
      <section aria-labelledby="pipeline-heading" className="flex flex-col gap-2">
        <h2 id="pipeline-heading" className="text-lg font-semibold">Delivery pipeline</h2>
        <p className="text-sm text-stone-700">
          {pipeline.oldestDueSeconds === null ? "No job is waiting." : `The oldest due job has waited ${formatAge(pipeline.oldestDueSeconds)}.`}
        </p>
        <PipelineTable rows={pipeline.rows} caption="Open jobs by kind and status, and jobs finished in the last 24 hours" succeededLabel="succeeded (24 h)" />
      </section>

      <section aria-labelledby="dead-heading" className="flex flex-col gap-2">
        <h2 id="dead-heading" className="text-lg font-semibold">Dead jobs ({dead.length})</h2>
        <p className="text-sm text-stone-700">These ran out of attempts. Retry one after fixing the cause, or discard it.</p>
        <ul className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          {dead.map((job) => (
            <li key={job.id} className="flex flex-col gap-2 p-4">
              <p className="flex flex-wrap gap-x-2 text-sm">
                <span className="font-mono font-semibold">{job.kind}</span>
                {job.order_id ? <Link href={`/admin/orders/${job.order_id}`} className="text-brand-700 underline">{job.order_reference}</Link> : null}
                <span className="text-stone-600">{job.attempts} attempts · died {job.updated_at.toISOString().slice(0, 16).replace("T", " ")} UTC</span>
              </p>
              <p className="break-words rounded-lg bg-red-50 p-2 font-mono text-sm text-red-900">{job.last_error ?? "No error recorded"}</p>
              <div className="flex flex-wrap gap-4">
                <ActionButtonForm action={retryJobAction.bind(null, job.id)} label="Retry" pendingLabel="Retrying…" />
                <ActionButtonForm action={discardJobAction.bind(null, job.id)} label="Discard" pendingLabel="Discarding…" tone="danger" />
              </div>
            </li>
          ))}
          {dead.length === 0 ? <li className="p-4 text-stone-700">No dead jobs.</li> : null}
        </ul>
      </section>
    </div>
  );
}
