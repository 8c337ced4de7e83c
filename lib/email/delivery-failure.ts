import { EmailSendError } from "./send-email";

// When a job's email fails, is that the email's end? The provider refusing the address or the
// message (a 4xx other than "slow down" or "same key in flight") will refuse it again: no retry,
// the recipient is marked failed at once. Anything else (a timeout, a 5xx, no answer) is worth
// the queue's retries, and only the last attempt's failure is final. There is no Resend
// webhook in this project (lib/email), so a bounce after acceptance is not seen: a "sent"
// email is one the provider accepted.

const TRANSIENT_STATUSES = new Set([408, 409, 429]);

/** The provider will refuse this email whatever we do. */
export function isPermanentEmailFailure(error: unknown): boolean {
  if (!(error instanceof EmailSendError)) return false;
  if (error.code === "invalid_recipient") return true;
  return error.statusCode !== null && error.statusCode >= 400 && error.statusCode < 500 && !TRANSIENT_STATUSES.has(error.statusCode);
}

/** Is this failure final for the job's email: permanent, or the job's last attempt? */
export function isFinalEmailFailure(error: unknown, job: { attempts: number; max_attempts: number } | undefined): boolean {
  return isPermanentEmailFailure(error) || (job !== undefined && job.attempts >= job.max_attempts);
}

/** What a recipient's row keeps of a failure (one line, short). */
export function failureText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 300);
}
