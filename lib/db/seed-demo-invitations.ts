// The demo's pending team invitation (docs/decisions/0022): Alfama Nights' owner has invited a
// new door person, who has not answered yet, so the Team page shows an open invitation. Its
// token is random and never sent (nobody can accept it); a real invitation's token is derived
// from its id (lib/hosts/team/invitation-token.ts). No server-only imports: the seed runs in scripts.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";

export const DEMO_INVITATION = { host: "alfama-nights", email: "new-door@alfama-nights.example", role: "door", invitedBy: "owner@alfama-nights.example" } as const;

export async function seedDemoInvitations(tx: Prisma.TransactionClient, options: { id: (name: string) => string; now: number; inviterName: string }): Promise<void> {
  const createdAt = new Date(options.now - 2 * 24 * 3_600_000);
  await tx.hostInvitation.create({
    data: {
      id: options.id(`invitation:${DEMO_INVITATION.email}`),
      hostId: options.id(`host:${DEMO_INVITATION.host}`),
      email: DEMO_INVITATION.email,
      role: DEMO_INVITATION.role,
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      invitedBy: options.id(`user:${DEMO_INVITATION.invitedBy}`),
      invitedByName: options.inviterName,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 7 * 24 * 3_600_000),
    },
  });
}
