"use server";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/actions/action-state";
import { toActionState } from "@/lib/actions/to-action-state";
import { currentUser } from "@/lib/auth";
import { acceptInvitation } from "@/lib/hosts/team/accept-invitation";

export type AcceptState = ActionState<{ message: string; next: "/admin/events" | "/check-in" }>;

/** "Accept and join" on an invitation's page: a membership for the signed-in account of the invited address. */
export async function acceptInvitationAction(token: string, hostName: string): Promise<AcceptState> {
  const [t, user] = await Promise.all([getTranslations("hostInvitation"), currentUser()]);
  try {
    const outcome = await acceptInvitation({ token, user });
    if (outcome.ok) {
      return { ok: true, message: outcome.alreadyMember ? t("alreadyMember", { host: hostName }) : t("joined", { host: hostName }), next: outcome.role === "door" ? "/check-in" : "/admin/events" };
    }
    const reason = outcome.reason;
    return { ok: false, message: reason === "sign_in" || reason === "wrong_account" ? t("signInToAccept") : t(reason) };
  } catch (error) {
    return toActionState(error, { action: "host.invitation_accept" }, t("somethingWrong"));
  }
}
