"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "@/lib/auth";
import { consumeTokenCreation } from "@/lib/api/rate-limits";
import { createApiToken, revokeApiToken, ZCreateApiToken } from "@/lib/api/tokens";
import { logError } from "@/lib/log";

/** The secret travels back in this state once, to be shown once; it is never stored in clear. */
export type CreateTokenState =
  | { ok: true; name: string; secret: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> }
  | null;

export type RevokeTokenState = { ok: boolean; message: string } | null;

export async function createApiTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Please sign in again." };
  // Scope and lifetime are optional form fields: without them a token may buy and lasts the default 90 days.
  const optional = (field: string) => formData.get(field) || undefined;
  const parsed = ZCreateApiToken.safeParse({ name: formData.get("name"), scope: optional("scope"), expiresInDays: optional("expiresInDays") });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: "Check the highlighted field.", fieldErrors: { [String(issue.path[0] ?? "name")]: issue.message } };
  }
  try {
    if (!(await consumeTokenCreation(user.id)).allowed) return { ok: false, message: "You have created many tokens recently. Try again later." };
    const created = await createApiToken({ userId: user.id, input: parsed.data });
    if (!created.ok) return { ok: false, message: created.message };
    revalidatePath("/account/tokens");
    return { ok: true, name: created.token.name, secret: created.secret };
  } catch (error) {
    logError("create api token failed", error, { userId: user.id });
    return { ok: false, message: "Something went wrong on our side; please try again." };
  }
}

export async function revokeApiTokenAction(_previous: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  const user = await currentUser();
  const tokenId = z.uuid().safeParse(formData.get("tokenId"));
  if (!user || !tokenId.success) return { ok: false, message: "This token cannot be revoked." };
  try {
    if (!(await revokeApiToken({ userId: user.id, tokenId: tokenId.data }))) return { ok: false, message: "This token cannot be revoked." };
  } catch (error) {
    logError("revoke api token failed", error, { userId: user.id });
    return { ok: false, message: "Something went wrong on our side; please try again." };
  }
  revalidatePath("/account/tokens");
  return { ok: true, message: "Revoked. Requests with this token now get 401." };
}
