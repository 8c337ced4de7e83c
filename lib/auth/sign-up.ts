import "server-only";
import { consumeRateLimit } from "./rate-limit";
import { createUser, EmailTakenError, type SignUpInput } from "./users";

export const SIGN_UP_LIMIT = { perAddress: 20, windowSeconds: 60 * 60 } as const;

/**
 * What a sign-up led to. `taken` is never shown as such: the caller then tries the password
 * on the existing account, so someone signing up again with their own password is simply
 * signed in, and anyone else gets the same answer as any refused sign-up, which says nothing
 * about whether the email has an account. Both paths hash once and compare once (bcrypt), so
 * they take the same time.
 */
export type SignUpOutcome = "created" | "taken" | "rate_limited";

export async function signUp(input: SignUpInput, address: string): Promise<SignUpOutcome> {
  const limit = await consumeRateLimit(`sign-up:ip:${address}`, SIGN_UP_LIMIT.perAddress, SIGN_UP_LIMIT.windowSeconds);
  if (!limit.allowed) return "rate_limited";
  try {
    await createUser(input);
    return "created";
  } catch (error) {
    if (error instanceof EmailTakenError) return "taken";
    throw error;
  }
}
