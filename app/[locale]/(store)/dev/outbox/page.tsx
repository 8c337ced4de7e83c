import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireOutboxViewer } from "@/lib/email/outbox-access";
import { listOutbox } from "@/lib/email/send-email";

export const metadata: Metadata = { title: "Email outbox (development)", robots: { index: false } };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function OutboxPage() {
  await connection();
  await requireOutboxViewer();
  const emails = await listOutbox(100);
  return (
    // A development tool (the outbox of the fake mailer): English only, marked so.
    <div lang="en" className="mx-auto flex max-w-3xl flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Email outbox</h1>
        <p className="text-stone-700">
          Without a Resend API key, emails are kept here instead of being sent. Newest first; times in UTC.
        </p>
      </header>
      {emails.length === 0 ? (
        <p className="rounded-xl bg-white p-4">No emails yet. Buy a ticket and they will appear here once the job queue has run.</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Emails">
          {emails.map((email) => (
            <li key={email.id}>
              <Link
                href={`/dev/outbox/${email.id}`}
                className="flex flex-col gap-1 rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-600 sm:flex-row sm:items-center sm:justify-between sm:gap-4"
                data-testid="outbox-email"
              >
                <span className="flex min-w-0 flex-col">
                  <span className="truncate font-semibold">{email.subject}</span>
                  <span className="truncate text-sm text-stone-700">To {email.toAddress}</span>
                </span>
                <span className="flex shrink-0 flex-col text-sm text-stone-600 sm:items-end">
                  <time dateTime={email.createdAt.toISOString()}>{when.format(email.createdAt)}</time>
                  {email.attachmentCount > 0 ? (
                    <span>{email.attachmentCount === 1 ? "1 attachment" : `${email.attachmentCount} attachments`}</span>
                  ) : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
