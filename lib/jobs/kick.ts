import "server-only";
import { after } from "next/server";
import { jobsSecret } from "@/lib/env";
import { requestIdHeaders } from "@/lib/ops/request-context";
import { appUrl } from "@/lib/urls";

/**
 * After the response is sent, ask the queue route to run due jobs now, so a buyer's
 * tickets go out within seconds. If this is lost, the worker loop's timer runs them anyway.
 */
export function kickJobQueue(): void {
  // Read now, inside the request: the drain it triggers logs under the buyer's request id.
  const requestId = requestIdHeaders();
  after(async () => {
    await fetch(`${appUrl()}/api/jobs/run`, {
      method: "POST",
      headers: { authorization: `Bearer ${jobsSecret()}`, ...requestId },
      signal: AbortSignal.timeout(30_000),
    }).catch(() => {});
  });
}
