import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { outboxTakesEmail, requireOutboxViewer } from "@/lib/email/outbox-access";
import { getOutboxEmail } from "@/lib/email/send-email";
import { bounceOutboxEmail } from "./actions";

export const metadata: Metadata = { title: "Email (development outbox)", robots: { index: false } };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

function formatBytes(size: number): string {
  return size < 1024 ? `${size} B` : size < 1024 * 1024 ? `${(size / 1024).toFixed(1)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  await requireOutboxViewer();
  const email = await getOutboxEmail(id);
  if (!email) notFound();
  const { delivery } = email;
  return (
    <div lang="en" className="mx-auto flex max-w-3xl flex-col gap-5">
      <Link href="/dev/outbox" className="font-medium text-brand-700 underline">Back to the outbox</Link>
      <header className="flex flex-col gap-2">
        <h1 className="break-words text-2xl font-bold">{email.subject}</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="font-medium text-stone-600">To</dt>
          <dd className="break-all">{email.toAddress}</dd>
          <dt className="font-medium text-stone-600">Written</dt>
          <dd><time dateTime={email.createdAt.toISOString()}>{when.format(email.createdAt)} UTC</time></dd>
          <dt className="font-medium text-stone-600">Idempotency key</dt>
          <dd className="break-all font-mono text-xs leading-5">{email.idempotencyKey}</dd>
          <dt className="font-medium text-stone-600">Delivery</dt>
          <dd data-delivery-state={delivery?.state ?? "unknown"}>{delivery ? `${delivery.state}${delivery.detail ? ` (${delivery.detail})` : ""}` : "not recorded"}</dd>
        </dl>
        {outboxTakesEmail() && delivery && delivery.state !== "bounced" ? (
          // What Resend's webhook reports when the receiving server refuses the email.
          <form action={bounceOutboxEmail.bind(null, email.id)}>
            <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-3 py-2 font-medium text-stone-800 hover:border-red-600">
              Bounce this email (as a receiving server would)
            </button>
          </form>
        ) : null}
      </header>

      {email.attachments.length > 0 ? (
        <section aria-labelledby="attachments-heading" className="flex flex-col gap-2">
          <h2 id="attachments-heading" className="text-lg font-semibold">Attachments</h2>
          <ul className="flex flex-col gap-2">
            {email.attachments.map((attachment, index) => (
              <li key={`${index}-${attachment.filename}`}>
                <a
                  href={`/api/dev/outbox/${email.id}/attachments/${index}`}
                  className="inline-flex flex-wrap items-baseline gap-2 rounded-lg border border-stone-200 bg-white px-3 py-2 font-medium text-brand-700 hover:border-brand-600"
                  download={attachment.filename}
                >
                  <span className="underline">{attachment.filename}</span>
                  <span className="text-sm font-normal text-stone-600">({attachment.contentType}, {formatBytes(attachment.size)})</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="html-heading" className="flex flex-col gap-2">
        <h2 id="html-heading" className="text-lg font-semibold">HTML</h2>
        {/* Empty sandbox: no scripts, forms or same-origin access for the email's markup. */}
        <iframe
          title={`HTML version of “${email.subject}”`}
          sandbox=""
          srcDoc={email.html}
          referrerPolicy="no-referrer"
          className="h-[70vh] w-full rounded-xl border border-stone-200 bg-white"
        />
      </section>

      <section aria-labelledby="text-heading" className="flex flex-col gap-2">
        <h2 id="text-heading" className="text-lg font-semibold">Plain text</h2>
        <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-xl border border-stone-200 bg-white p-4 font-mono text-sm">{email.text}</pre>
      </section>
    </div>
  );
}
