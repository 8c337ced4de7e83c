import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, ZNewPassword } from "./password";

// The first admin of a real deployment (`npm run admin:create`): demo data, with its
// well-known admin login, is never put into a real database on start.

export const ZAdminCredentials = z.object({
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
  // An admin password guards every order and event: longer than a buyer's minimum.
  password: ZNewPassword.refine((password) => password.length >= 12, "Use at least 12 characters for an admin"),
  name: z.string().trim().min(1).max(100).default("Admin"),
});
export type AdminCredentials = z.input<typeof ZAdminCredentials>;

/**
 * Makes `email` an admin with this password: a new user, or an existing one promoted (and
 * given the new password). Either way every earlier session of that user ends.
 */
export async function createAdmin(db: PrismaClient, input: AdminCredentials): Promise<{ created: boolean; id: string }> {
  const { email, password, name } = ZAdminCredentials.parse(input);
  const passwordHash = await hashPassword(password);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    await db.user.update({ where: { id: existing.id }, data: { role: "admin", passwordHash, sessionVersion: { increment: 1 } } });
    return { created: false, id: existing.id };
  }
  const user = await db.user.create({ data: { email, name, passwordHash, role: "admin" }, select: { id: true } });
  return { created: true, id: user.id };
}
