import "server-only";
import { notFound } from "next/navigation";
import { currentUser, requireAdmin } from "@/lib/auth";
import { canRunPlatform } from "@/lib/auth/policy";
import { assertAdmin, type AdminActor } from "./authorize";
import { isAdminError } from "./errors";

/** For admin pages, server actions and route handlers: the admin, or a 404 for anyone else. */
export async function requireAdminActor(): Promise<AdminActor> {
  const user = await requireAdmin();
  try {
    return await assertAdmin(user);
  } catch (error) {
    // A refusal looks like a missing page; a database outage stays an error.
    if (isAdminError(error)) notFound();
    throw error;
  }
}

/** For the platform's own pages (jobs, the audit log): the platform admin, or a 404 for anyone else, hosts' members included. */
export async function requirePlatformActor(): Promise<AdminActor> {
  const actor = await requireAdminActor();
  if (!canRunPlatform(actor)) notFound();
  return actor;
}

/** For route handlers that answer JSON: the admin, or null (the caller answers 404). */
export async function adminOrNull(): Promise<AdminActor | null> {
  const user = await currentUser();
  return assertAdmin(user).catch((error) => {
    if (isAdminError(error)) return null;
    throw error;
  });
}
