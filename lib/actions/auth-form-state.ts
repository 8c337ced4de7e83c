import type { ActionState } from "@/lib/actions/action-state";

/** What a refused sign-in or sign-up form typed, sent back to fill the form again (never the password). */
export type AuthFormValues = { name?: string; email?: string };

/** The state of the sign-in and sign-up forms: an action state, plus the values to keep when refused. */
export type AuthFormState = (Exclude<ActionState, null> & { values?: AuthFormValues }) | null;
