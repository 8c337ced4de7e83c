import Link from "next/link";
import { formatAge, PipelineTable } from "@/components/admin/pipeline-table";
import type { Analytics } from "@/lib/analytics/analytics-sql";

/** Open and recent delivery jobs, and how long the oldest due one has waited. */
export function DeliveryPipeline({ analytics }: { analytics: Pick<Analytics, "pipeline" | "oldestDueJobSeconds"> }) {
  return (
    <section aria-labelledby="pipeline-heading" className="flex flex-col gap-3">
      <h2 id="pipeline-heading" className="text-lg font-semibold">Delivery pipeline</h2>
      <p className="text-sm text-stone-700">
        {analytics.oldestDueJobSeconds === null ? "No job is waiting." : `The oldest due job has waited ${formatAge(analytics.oldestDueJobSeconds)}.`}{" "}
        <Link href="/admin/jobs" className="font-medium text-brand-700 underline">Dead jobs</Link>
      </p>
      <PipelineTable rows={analytics.pipeline} caption="Open jobs by kind and status, and jobs finished in the period" succeededLabel="succeeded in period" />
    </section>
  );
}
