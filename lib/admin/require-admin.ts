import "server-only";
import { notFound } from "next/navigation";
import { currentUser, requireAdmin } from "@/lib/auth";
import { assertAdmin, type Actor } from "./authorize";
import { isAdminError } from "./errors";

/** For admin pages, server actions and route handlers: the admin, or a 404 for anyone else. */
export async function requireAdminActor(): Promise<Actor> {
  const user = await requireAdmin();
  try {
    return await assertAdmin(user);
  } catch (error) {
    // A refusal looks like a missing page; a database outage stays an error.
    if (isAdminError(error)) notFound();
    throw error;
  }
}

/** For route handlers that answer JSON: the admin, or null (the caller answers 404). */
export async function adminOrNull(): Promise<Actor | null> {
  const user = await currentUser();
  return assertAdmin(user).catch((error) => {
    if (isAdminError(error)) return null;
    throw error;
  });
}
