"use server";
import { getLocale, getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth";
import { consumeTokenCreation } from "@/lib/auth/token-creation-limit";
import { createApiToken, MAX_ACTIVE_TOKENS, MAX_TOKEN_DAYS, revokeApiToken, ZCreateApiToken } from "@/lib/auth/api-tokens";
import type { ActionState } from "@/lib/actions/action-state";
import { sayFieldErrors, toLocalisedActionState } from "@/lib/actions/localised-action-state";
import { isUuid } from "@/lib/ids";
import { invalidInput } from "@/lib/actions/to-action-state";

/** The secret travels back in this state once, to be shown once; it is never stored in clear. */
export type CreateTokenState = ActionState<{ name: string; secret: string }>;

export type RevokeTokenState = ActionState<{ message: string }>;

export async function createApiTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const [user, t, tActions, locale] = await Promise.all([currentUser(), getTranslations("tokens"), getTranslations("actions"), getLocale()]);
  if (!user) return { ok: false, message: t("signInAgain") };
  // Scope and lifetime are optional form fields: without them a token may buy and lasts the default 90 days.
  const optional = (field: string) => formData.get(field) || undefined;
  const parsed = ZCreateApiToken.safeParse({ name: formData.get("name"), scope: optional("scope"), expiresInDays: optional("expiresInDays") });
  if (!parsed.success) {
    const refused = invalidInput(parsed.error.issues, t("checkField"));
    const say = { name: t("invalidName"), scope: t("invalidScope"), expiresInDays: t("invalidDays", { maxDays: MAX_TOKEN_DAYS }) };
    return { ...refused, fieldErrors: sayFieldErrors(refused.fieldErrors, say) };
  }
  try {
    if (!(await consumeTokenCreation(user.id)).allowed) return { ok: false, message: t("tooMany") };
    const created = await createApiToken({ userId: user.id, input: parsed.data });
    if (!created.ok) return { ok: false, message: t("tooManyActive", { max: MAX_ACTIVE_TOKENS }) };
    revalidatePath(`/${locale}/account/tokens`);
    return { ok: true, name: created.token.name, secret: created.secret };
  } catch (error) {
    return toLocalisedActionState(error, { action: "create api token", userId: user.id }, tActions("somethingWrong"));
  }
}

export async function revokeApiTokenAction(_previous: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  const [user, t, tActions, locale] = await Promise.all([currentUser(), getTranslations("tokens"), getTranslations("actions"), getLocale()]);
  const tokenId = formData.get("tokenId");
  if (!user || !isUuid(tokenId)) return { ok: false, message: t("cannotRevoke") };
  try {
    if (!(await revokeApiToken({ userId: user.id, tokenId }))) return { ok: false, message: t("cannotRevoke") };
  } catch (error) {
    return toLocalisedActionState(error, { action: "revoke api token", userId: user.id }, tActions("somethingWrong"));
  }
  revalidatePath(`/${locale}/account/tokens`);
  return { ok: true, message: t("revoked") };
}
