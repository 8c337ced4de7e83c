// A host runs its own team (issue 30, docs/decisions/0022): invitations by email that make a
// membership for the invited address only, refused when expired, withdrawn or used; roles
// changed and members removed by the host's owners and the platform admin, never the last
// owner, even when two owners are demoted at the same moment.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { jobKey } from "@/lib/jobs/kinds";
import { createActor } from "@/tests/admin-fixtures";
import { createTestUser } from "@/tests/fixtures";
import { createHost, createMember } from "@/tests/host-fixtures";
import { acceptInvitation, inspectInvitation } from "./accept-invitation";
import { changeMemberRole } from "./change-member-role";
import { invitationToken } from "./invitation-token";
import { inviteMember } from "./invite-member";
import { listTeam } from "./list-team";
import { removeMember } from "./remove-member";
import { revokeInvitation } from "./revoke-invitation";
import { sendHostInvitation } from "./send-invitation";

const userOf = (user: { id: string; email: string; role: "admin" | "attendee" }) => ({ id: user.id, email: user.email, role: user.role });

describe("inviting someone to a host's team", () => {
  it("queues an email with the link; accepting it signed in as that address makes the membership once", async () => {
    const host = await createHost({ name: "Tram Tours", translations: { pt: { name: "Passeios de Elétrico" } } });
    const owner = await createMember(host.id, "owner");
    const invitee = await createTestUser({ name: "Ines Invited" });
    const invited = await inviteMember({ actor: owner, hostId: host.id, input: { email: ` ${invitee.email.toUpperCase()} `, role: "manager", locale: "pt" } });
    expect(invited).toMatchObject({ email: invitee.email, role: "manager" });
    expect(await prisma.job.findUnique({ where: { uniqueKey: jobKey("send_host_invitation", invited.id) } })).toMatchObject({ status: "queued" });
    expect(await prisma.auditLog.count({ where: { entityId: host.id, action: "host.invite" } })).toBe(1);
    // Only the hash is kept.
    const row = await prisma.hostInvitation.findUniqueOrThrow({ where: { id: invited.id } });
    expect(JSON.stringify(row)).not.toContain(invitationToken(invited.id));

    await sendHostInvitation({ invitationId: invited.id });
    const [mail] = await prisma.emailOutbox.findMany({ where: { idempotencyKey: jobKey("send_host_invitation", invited.id) } });
    expect(mail.toAddress).toBe(invitee.email);
    expect(mail.subject).toContain("Passeios de Elétrico");
    expect(mail.text).toContain(`/pt/invitation?token=${invitationToken(invited.id)}`);

    const token = invitationToken(invited.id);
    expect(await inspectInvitation(token, "en")).toMatchObject({ ok: true, hostName: "Tram Tours", role: "manager", email: invitee.email });
    expect(await acceptInvitation({ token, user: null })).toEqual({ ok: false, reason: "sign_in" });
    expect(await acceptInvitation({ token, user: userOf(invitee) })).toEqual({ ok: true, hostId: host.id, role: "manager", alreadyMember: false });
    expect(await prisma.hostMember.findUnique({ where: { hostId_userId: { hostId: host.id, userId: invitee.id } } })).toMatchObject({ role: "manager" });
    expect(await prisma.auditLog.count({ where: { entityId: host.id, action: "host.member_join", actorId: invitee.id } })).toBe(1);

    // Used: refused, and a second send of the email is skipped.
    expect(await acceptInvitation({ token, user: userOf(invitee) })).toEqual({ ok: false, reason: "used" });
    expect(await inspectInvitation(token, "en")).toEqual({ ok: false, reason: "used" });
    const team = await listTeam({ actor: owner, hostId: host.id });
    expect(team.members.map((member) => [member.email, member.role])).toEqual([[owner.email, "owner"], [invitee.email, "manager"]]);
    expect(team.invitations).toEqual([]);
  });

  it("refuses another account, and expired, withdrawn and unknown links, changing nothing", async () => {
    const host = await createHost();
    const owner = await createMember(host.id, "owner");
    const stranger = await createTestUser();
    const invited = await inviteMember({ actor: owner, hostId: host.id, input: { email: "someone-else@example.test", role: "door" } });
    const token = invitationToken(invited.id);
    expect(await acceptInvitation({ token, user: userOf(stranger) })).toEqual({ ok: false, reason: "wrong_account" });
    expect(await prisma.hostMember.count({ where: { hostId: host.id } })).toBe(1);
    expect((await prisma.hostInvitation.findUniqueOrThrow({ where: { id: invited.id } })).acceptedAt).toBeNull();

    const later = new Date(Date.now() + 8 * 24 * 3600_000);
    expect(await inspectInvitation(token, "en", later)).toEqual({ ok: false, reason: "expired" });
    expect(await acceptInvitation({ token, user: userOf(stranger), now: later })).toEqual({ ok: false, reason: "expired" });

    await revokeInvitation({ actor: owner, hostId: host.id, invitationId: invited.id });
    expect(await inspectInvitation(token, "en")).toEqual({ ok: false, reason: "revoked" });
    await expect(revokeInvitation({ actor: owner, hostId: host.id, invitationId: invited.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await inspectInvitation("x".repeat(43), "en")).toEqual({ ok: false, reason: "unknown" });
    expect(await inspectInvitation("short", "en")).toEqual({ ok: false, reason: "unknown" });
  });

  it("a new invitation to the same address withdraws the open one; a member cannot be invited again; bad input is refused", async () => {
    const host = await createHost();
    const owner = await createMember(host.id, "owner");
    const first = await inviteMember({ actor: owner, hostId: host.id, input: { email: "twice@example.test", role: "door" } });
    const second = await inviteMember({ actor: owner, hostId: host.id, input: { email: "twice@example.test", role: "manager" } });
    expect(await inspectInvitation(invitationToken(first.id), "en")).toEqual({ ok: false, reason: "revoked" });
    expect(await inspectInvitation(invitationToken(second.id), "en")).toMatchObject({ ok: true, role: "manager" });
    await expect(inviteMember({ actor: owner, hostId: host.id, input: { email: owner.email, role: "door" } })).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { email: "Already on the team" } });
    await expect(inviteMember({ actor: owner, hostId: host.id, input: { email: "not an email", role: "chief" } })).rejects.toMatchObject({ fieldErrors: { email: expect.any(String), role: expect.any(String) } });
  });

  it("is an owner's and the platform admin's: a manager, a door member and another host's owner are refused as not found", async () => {
    const host = await createHost();
    const other = await createHost();
    const manager = await createMember(host.id, "manager");
    const colleague = await createMember(host.id, "manager");
    const otherOwner = await createMember(other.id, "owner");
    const admin = await createActor("admin");
    for (const actor of [manager, otherOwner]) {
      await expect(inviteMember({ actor, hostId: host.id, input: { email: "x@example.test", role: "owner" } })).rejects.toMatchObject({ code: "not_found" });
      await expect(listTeam({ actor, hostId: host.id })).rejects.toMatchObject({ code: "not_found" });
      await expect(changeMemberRole({ actor, hostId: host.id, userId: manager.id, input: { role: "owner" } })).rejects.toMatchObject({ code: "not_found" });
      await expect(removeMember({ actor, hostId: host.id, userId: colleague.id })).rejects.toMatchObject({ code: "not_found" });
    }
    // Another host's owner cannot take anyone off, not even by naming themselves.
    await expect(removeMember({ actor: otherOwner, hostId: host.id, userId: otherOwner.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.hostMember.count({ where: { hostId: host.id } })).toBe(2);
    const door = await createMember(host.id, "door");
    await expect(listTeam({ actor: door, hostId: host.id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.hostInvitation.count({ where: { hostId: host.id } })).toBe(0);
    // The platform admin runs any host's team.
    await inviteMember({ actor: admin, hostId: host.id, input: { email: "new-owner@example.test", role: "owner" } });
    expect((await listTeam({ actor: admin, hostId: host.id })).invitations).toHaveLength(1);
  });
});

describe("a host's roles", () => {
  it("changes and removes members, audited; the last owner can be neither demoted nor removed", async () => {
    const host = await createHost();
    const owner = await createMember(host.id, "owner");
    const manager = await createMember(host.id, "manager");
    await changeMemberRole({ actor: owner, hostId: host.id, userId: manager.id, input: { role: "door" } });
    expect(await prisma.hostMember.findUniqueOrThrow({ where: { hostId_userId: { hostId: host.id, userId: manager.id } } })).toMatchObject({ role: "door" });
    await expect(changeMemberRole({ actor: owner, hostId: host.id, userId: owner.id, input: { role: "manager" } })).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember({ actor: owner, hostId: host.id, userId: owner.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(changeMemberRole({ actor: owner, hostId: host.id, userId: manager.id, input: { role: "boss" } })).rejects.toMatchObject({ code: "validation_failed" });
    await removeMember({ actor: owner, hostId: host.id, userId: manager.id });
    expect(await prisma.hostMember.count({ where: { hostId: host.id } })).toBe(1);
    await expect(removeMember({ actor: owner, hostId: host.id, userId: manager.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.auditLog.count({ where: { entityId: host.id, action: { in: ["host.member_role", "host.member_remove"] } } })).toBe(2);
  });

  it("lets a member leave by themselves, audited; never the last owner", async () => {
    const host = await createHost();
    const owner = await createMember(host.id, "owner");
    const manager = await createMember(host.id, "manager");
    await removeMember({ actor: manager, hostId: host.id, userId: manager.id });
    expect(await prisma.hostMember.count({ where: { hostId: host.id, userId: manager.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: host.id, action: "host.member_leave" } })).toBe(1);
    await expect(removeMember({ actor: owner, hostId: host.id, userId: owner.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await prisma.hostMember.count({ where: { hostId: host.id, userId: owner.id } })).toBe(1);
  });

  it("keeps one owner when two owners are demoted (or removed) at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const host = await createHost();
      const [a, b] = [await createMember(host.id, "owner"), await createMember(host.id, "owner")];
      const admin = await createActor("admin");
      const outcomes = await Promise.allSettled(
        round % 2 === 0
          ? [changeMemberRole({ actor: admin, hostId: host.id, userId: a.id, input: { role: "manager" } }), changeMemberRole({ actor: admin, hostId: host.id, userId: b.id, input: { role: "door" } })]
          : [removeMember({ actor: a, hostId: host.id, userId: b.id }), removeMember({ actor: b, hostId: host.id, userId: a.id })],
      );
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      expect(outcomes.find((outcome) => outcome.status === "rejected")).toMatchObject({ reason: { code: round % 2 === 0 ? "conflict" : expect.stringMatching(/conflict|not_found/) } });
      expect(await prisma.hostMember.count({ where: { hostId: host.id, role: "owner" } })).toBe(1);
    }
  });
});
