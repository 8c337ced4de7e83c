import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { writeAudit } from "../audit";
import { assertAdmin, type Actor } from "../authorize";
import { AdminError } from "../errors";
import { hostWhere, scopedEventIds } from "../host-scope";
import { canRunPlatform } from "@/lib/auth/policy";

export const ZStaffGrantInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter the email of someone with an account")),
  /** An event id, or "all" for every event. */
  eventId: z.union([z.literal("all"), z.uuid("Choose an event")]),
});

export type StaffGrantView = { id: string; email: string; name: string; eventId: string | null; eventTitle: string | null; grantedBy: string; createdAt: Date };

/** Door staff and what they may check in, newest first: a host's members see the grants for their events. */
export async function listStaffGrants(options: { actor: Actor }): Promise<StaffGrantView[]> {
  const actor = await assertAdmin(options.actor);
  const inScope = await scopedEventIds(actor);
  const grants = await prisma.staffGrant.findMany({ where: inScope === "all" ? {} : { eventId: { in: inScope } }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200 });
  const users = new Map((await prisma.user.findMany({ where: { id: { in: grants.map((grant) => grant.userId) } }, select: { id: true, email: true, name: true } })).map((user) => [user.id, user]));
  const eventIds = grants.flatMap((grant) => (grant.eventId ? [grant.eventId] : []));
  const events = new Map((await prisma.event.findMany({ where: { id: { in: eventIds } }, select: { id: true, title: true } })).map((event) => [event.id, event.title]));
  return grants.map((grant) => ({
    id: grant.id,
    email: users.get(grant.userId)?.email ?? "",
    name: users.get(grant.userId)?.name ?? "",
    eventId: grant.eventId,
    eventTitle: grant.eventId ? (events.get(grant.eventId) ?? null) : null,
    grantedBy: grant.grantedBy,
    createdAt: grant.createdAt,
  }));
}

/**
 * Makes an existing user door staff for one event or for all; granting what they already have
 * changes nothing. A host's member grants for their own events; "all events" is the platform's.
 */
export async function grantDoorStaff(options: { actor: Actor; input: unknown }): Promise<{ grantId: string }> {
  const actor = await assertAdmin(options.actor);
  const parsed = ZStaffGrantInput.safeParse(options.input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    throw new AdminError("validation_failed", "Check the highlighted fields.", fieldErrors);
  }
  const { email, eventId } = parsed.data;
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new AdminError("validation_failed", "No account has this email. They sign up first.", { email: "No account has this email" });
  if (eventId === "all" && !canRunPlatform(actor)) throw new AdminError("validation_failed", "Choose an event.", { eventId: "Choose an event" });
  const event = eventId === "all" ? null : await prisma.event.findFirst({ where: { id: eventId, ...hostWhere(actor) }, select: { id: true, title: true } });
  if (eventId !== "all" && !event) throw new AdminError("validation_failed", "Choose an event.", { eventId: "Choose an event" });
  return prisma.$transaction(async (tx) => {
    const existing = await tx.staffGrant.findFirst({ where: { userId: user.id, eventId: event?.id ?? null }, select: { id: true } });
    if (existing) return { grantId: existing.id };
    const grant = await tx.staffGrant.create({ data: { userId: user.id, eventId: event?.id ?? null, grantedBy: actor.email } });
    await writeAudit(tx, { actor, action: "staff.grant", entityType: "staff_grant", entityId: grant.id, after: { email, eventId: event?.id ?? "all", eventTitle: event?.title ?? "All events" } });
    return { grantId: grant.id };
  });
}

/** Ends a staff grant: from the next scan on, that door is refused. */
export async function revokeDoorStaff(options: { actor: Actor; grantId: string }): Promise<void> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.grantId)) throw new AdminError("not_found", "Grant not found");
  await prisma.$transaction(async (tx) => {
    const grant = await tx.staffGrant.findUnique({ where: { id: options.grantId } });
    const inScope = await scopedEventIds(actor);
    if (!grant || (inScope !== "all" && (grant.eventId === null || !inScope.includes(grant.eventId)))) throw new AdminError("not_found", "Grant not found");
    await tx.staffGrant.delete({ where: { id: grant.id } });
    await writeAudit(tx, { actor, action: "staff.revoke", entityType: "staff_grant", entityId: grant.id, before: { userId: grant.userId, eventId: grant.eventId ?? "all" } });
  });
}

/** The events a grant can name: not cancelled, by title. */
export async function listGrantableEvents(options: { actor: Actor }): Promise<{ id: string; title: string }[]> {
  const actor = await assertAdmin(options.actor);
  return prisma.event.findMany({ where: { status: { not: "cancelled" }, ...hostWhere(actor) }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true }, take: 500 });
}
