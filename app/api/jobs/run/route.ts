import { isAuthorizedWorker, runDueWork } from "@/lib/jobs/run-due-work";
import { withMetrics } from "@/lib/ops/with-metrics";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Drains the job queue. Called after purchases, by the worker loop, or by an external cron. */
export const POST = withMetrics("jobs_run", async (request: Request) => {
  if (!isAuthorizedWorker(request.headers.get("authorization"))) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  return Response.json(await runDueWork());
});
