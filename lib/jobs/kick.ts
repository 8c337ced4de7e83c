import "server-only";
import { after } from "next/server";
import { jobsSecret } from "@/lib/env";
import { appUrl } from "@/lib/urls";

/**
 * After the response is sent, ask the queue route to run due jobs now, so a buyer's
 * tickets go out within seconds. If this is lost, the worker loop's timer runs them anyway.
 */
export function kickJobQueue(): void {
  after(async () => {
    await fetch(`${appUrl()}/api/jobs/run`, {
      method: "POST",
      headers: { authorization: `Bearer ${jobsSecret()}` },
      signal: AbortSignal.timeout(30_000),
    }).catch(() => {});
  });
}
