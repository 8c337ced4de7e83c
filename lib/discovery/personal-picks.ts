import "server-only";
import { prisma } from "@/lib/db";

/** Is "For you" on for this account (the default)? */
export async function personalPicksEnabled(userId: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { personalPicks: true } });
  return user?.personalPicks ?? false;
}

/**
 * Turns "For you" on or off. Off forgets: the account's recorded views are deleted in the same
 * transaction, after the setting's row is updated (and so locked), which makes a view being
 * recorded at that moment (record-event-view.ts reads the row FOR SHARE) either wait and then
 * find the setting off, or land first and be deleted here. The caller also clears the
 * browser's guest history (guest-views.ts).
 */
export async function setPersonalPicks(userId: string, enabled: boolean): Promise<void> {
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { personalPicks: enabled } }),
    ...(enabled ? [] : [prisma.eventView.deleteMany({ where: { userId } })]),
  ]);
}
