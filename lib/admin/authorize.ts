import "server-only";
import { actorOf, canAdminister } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { AdminError } from "./errors";
import { isUuid } from "@/lib/ids";

/** Who is asking. Every function in lib/admin takes one and checks it first. */
export type Actor = Pick<SessionUser, "id" | "email" | "role">;


/**
 * Refuses anyone but an admin. The session's role is checked AND the database's: a JWT
 * lives for weeks, so an admin who was demoted must not keep the dashboard until it expires.
 * The refusal reads like "not found", so the admin area does not reveal itself.
 */
export async function assertAdmin(actor: Actor | null | undefined): Promise<Actor> {
  if (!actor || !canAdminister(actorOf(actor)) || !isUuid(actor.id)) throw new AdminError("forbidden", "Not found");
  const stored = await prisma.user.findUnique({ where: { id: actor.id }, select: { role: true, email: true } });
  if (!stored || !canAdminister(stored)) throw new AdminError("forbidden", "Not found");
  return { id: actor.id, email: stored.email, role: "admin" };
}
