"use server";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth";
import { consumeTokenCreation } from "@/lib/api/rate-limits";
import { createApiToken, revokeApiToken, ZCreateApiToken } from "@/lib/api/tokens";
import type { ActionState } from "@/lib/action-state";
import { isUuid } from "@/lib/ids";
import { invalidInput, toActionState } from "@/lib/to-action-state";

/** The secret travels back in this state once, to be shown once; it is never stored in clear. */
export type CreateTokenState = ActionState<{ name: string; secret: string }>;

export type RevokeTokenState = ActionState<{ message: string }>;

export async function createApiTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Please sign in again." };
  // Scope and lifetime are optional form fields: without them a token may buy and lasts the default 90 days.
  const optional = (field: string) => formData.get(field) || undefined;
  const parsed = ZCreateApiToken.safeParse({ name: formData.get("name"), scope: optional("scope"), expiresInDays: optional("expiresInDays") });
  if (!parsed.success) return invalidInput(parsed.error.issues, "Check the highlighted field.");
  try {
    if (!(await consumeTokenCreation(user.id)).allowed) return { ok: false, message: "You have created many tokens recently. Try again later." };
    const created = await createApiToken({ userId: user.id, input: parsed.data });
    if (!created.ok) return { ok: false, message: created.message };
    revalidatePath("/account/tokens");
    return { ok: true, name: created.token.name, secret: created.secret };
  } catch (error) {
    return toActionState(error, { action: "create api token", userId: user.id }, "Something went wrong on our side; please try again.");
  }
}

export async function revokeApiTokenAction(_previous: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  const user = await currentUser();
  const tokenId = formData.get("tokenId");
  if (!user || !isUuid(tokenId)) return { ok: false, message: "This token cannot be revoked." };
  try {
    if (!(await revokeApiToken({ userId: user.id, tokenId }))) return { ok: false, message: "This token cannot be revoked." };
  } catch (error) {
    return toActionState(error, { action: "revoke api token", userId: user.id }, "Something went wrong on our side; please try again.");
  }
  revalidatePath("/account/tokens");
  return { ok: true, message: "Revoked. Requests with this token now get 401." };
}
