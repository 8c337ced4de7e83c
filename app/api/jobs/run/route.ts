import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { isAuthorizedWorker, runDueWork } from "@/lib/worker/run-due-work";
import { withMetrics } from "@/lib/ops/with-metrics";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Drains the job queue. Called after purchases, by the worker loop, or by an external cron. */
export const POST = withMetrics(
  "jobs_run",
  withApiErrors("jobs_run", async (request: Request) => {
    if (!isAuthorizedWorker(request.headers.get("authorization"))) {
      return problemResponse("unauthenticated", { detail: "Send Authorization: Bearer $JOBS_SECRET." });
    }
    return Response.json(await runDueWork());
  }, { deadlineMs: null }), // bounded by its own budget (runDueWork) and maxDuration
);
