import "server-only";
import { AdminError } from "@/lib/admin/errors";
import type { HostRole } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/transaction";
import { HOST_NOT_FOUND } from "./team-access";

// A host always keeps an owner: without one, nobody of the host could run its team again.
// Every change that takes a member's role away (a new role, a removal) first locks the host's
// row, then counts the owners: two owners demoting each other at the same moment are
// serialised on that lock, and the second counts what the first left (one owner: refused).

/** Locks the host's row and reads the member's role; a missing host or member is not found. */
export async function lockMember(tx: Tx, hostId: string, userId: string): Promise<{ role: HostRole; email: string; name: string }> {
  const [host] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM hosts WHERE id = ${hostId}::uuid FOR UPDATE`;
  if (!host) throw new AdminError("not_found", HOST_NOT_FOUND);
  const [member] = await tx.$queryRaw<{ role: HostRole; email: string; name: string }[]>`
    SELECT m.role::text AS role, u.email, u.name FROM host_members m JOIN users u ON u.id = m.user_id
     WHERE m.host_id = ${hostId}::uuid AND m.user_id = ${userId}::uuid`;
  if (!member) throw new AdminError("not_found", "This person is not on the team");
  return member;
}

/** Refuses taking the owner role from the host's last owner (`next`: the new role, null: removed). Call under lockMember. */
export async function assertOwnerStays(tx: Tx, hostId: string, current: HostRole, next: HostRole | null): Promise<void> {
  if (current !== "owner" || next === "owner") return;
  const [{ owners }] = await tx.$queryRaw<{ owners: number }[]>`
    SELECT count(*)::int AS owners FROM host_members WHERE host_id = ${hostId}::uuid AND role = 'owner'`;
  if (owners <= 1) {
    throw new AdminError("conflict", "A host keeps at least one owner: make someone else an owner first. Nothing was changed.", { role: "The host's last owner" });
  }
}
