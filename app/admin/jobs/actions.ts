"use server";
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/actions/action-state";
import { discardJob } from "@/lib/admin/jobs/discard-job";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { retryJob } from "@/lib/admin/jobs/retry-job";
import { toActionState } from "@/lib/actions/to-action-state";

export async function retryJobAction(jobId: string): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await retryJob({ actor, jobId });
  } catch (error) {
    return toActionState(error, { action: "job.retry", actorId: actor.id, jobId });
  }
  revalidatePath("/admin/jobs");
  return { ok: true, message: "Queued to run again." };
}

export async function discardJobAction(jobId: string): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await discardJob({ actor, jobId });
  } catch (error) {
    return toActionState(error, { action: "job.discard", actorId: actor.id, jobId });
  }
  revalidatePath("/admin/jobs");
  return { ok: true, message: "Discarded." };
}
