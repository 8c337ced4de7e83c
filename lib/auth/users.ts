import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from "./password";

export const ZSignUp = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
  password: z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters"),
});
export type SignUpInput = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

export type SessionUser = { id: string; email: string; name: string; role: "attendee" | "admin" };

export class EmailTakenError extends Error {}

export async function createUser(input: SignUpInput): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/** The user for these credentials, or null; both failures take the same time. */
export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !valid) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
