import "server-only";
import { randomUUID } from "node:crypto";
import { Resend } from "resend";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/ids";
import { getBlob, putBlob } from "@/lib/storage/blob-store";
import { observeEmailSeconds } from "@/lib/ops/metrics";
import { recordDelivery } from "./delivery-events";

export type EmailAttachment = { filename: string; content: Buffer; contentType?: string };

export type SendEmailInput = {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  /** The same key always means the same email: Resend and the outbox both send it at most once. */
  idempotencyKey: string;
};

export type SendEmailResult = { transport: "resend"; id: string } | { transport: "outbox"; id: string; created: boolean };

/** The provider refused or could not be reached; the job that sent it is retried. */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
    readonly code: string,
  ) {
    super(message);
    this.name = "EmailSendError";
  }
}

const RESEND_TIMEOUT_MS = 20_000;

function contentTypeOf(attachment: EmailAttachment): string {
  if (attachment.contentType) return attachment.contentType;
  return attachment.filename.toLowerCase().endsWith(".pdf") ? "application/pdf" : "application/octet-stream";
}

/**
 * Sends through Resend when RESEND_API_KEY is set; otherwise writes the email to the
 * development outbox (see /dev/outbox). Settings are read per call, so tests can switch.
 */
export async function sendEmail(input: SendEmailInput): Promise<SendEmailResult> {
  if (!z.email().safeParse(input.to).success) throw new EmailSendError(`Not an email address: ${input.to}`, null, "invalid_recipient");
  const settings = env();
  const started = performance.now();
  try {
    const result = settings.RESEND_API_KEY
      ? await sendWithResend(input, settings.RESEND_API_KEY, settings.RESEND_BASE_URL, settings.EMAIL_FROM)
      : await writeToOutbox(input);
    await recordDelivery(input, result);
    observeEmailSeconds((performance.now() - started) / 1000, "sent");
    return result;
  } catch (error) {
    observeEmailSeconds((performance.now() - started) / 1000, "failed");
    throw error;
  }
}

async function sendWithResend(input: SendEmailInput, apiKey: string, baseUrl: string | undefined, from: string): Promise<SendEmailResult> {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const { data, error } = await resend.emails.send(
    {
      from,
      to: input.to,
      subject: input.subject,
      html: input.html,
      text: input.text,
      attachments: input.attachments?.map((attachment) => ({
        filename: attachment.filename,
        content: attachment.content,
        contentType: contentTypeOf(attachment),
      })),
    },
    { idempotencyKey: input.idempotencyKey, signal: AbortSignal.timeout(RESEND_TIMEOUT_MS) },
  );
  // The SDK returns errors instead of throwing; throwing here makes the job retry.
  if (error) throw new EmailSendError(`Resend refused the email: ${error.name}: ${error.message}`, error.statusCode, error.name);
  if (!data?.id) throw new EmailSendError("Resend answered without an email id", null, "no_id");
  return { transport: "resend", id: data.id };
}

const ZStoredAttachment = z.object({
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  blobKey: z.string(),
});
type StoredAttachment = z.infer<typeof ZStoredAttachment>;
const ZStoredAttachments = z.array(ZStoredAttachment);

async function writeToOutbox(input: SendEmailInput): Promise<SendEmailResult> {
  const existing = await prisma.emailOutbox.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
  if (existing) return { transport: "outbox", id: existing.id, created: false };

  // Attachments go to the blob store under the new row's id. If two writers race, the
  // loser's blobs are left unreferenced (harmless); the row itself is written once.
  const id = randomUUID();
  const stored: StoredAttachment[] = [];
  for (const [index, attachment] of (input.attachments ?? []).entries()) {
    const blobKey = `outbox/${id}/${index}`;
    const contentType = contentTypeOf(attachment);
    await putBlob(blobKey, attachment.content, contentType);
    stored.push({ filename: attachment.filename, contentType, size: attachment.content.length, blobKey });
  }
  const inserted = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO email_outbox (id, to_address, subject, html, text, attachments, idempotency_key)
    VALUES (${id}::uuid, ${input.to}, ${input.subject}, ${input.html}, ${input.text}, ${JSON.stringify(stored)}::jsonb, ${input.idempotencyKey})
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id`;
  if (inserted.length > 0) return { transport: "outbox", id, created: true };
  const winner = await prisma.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
  return { transport: "outbox", id: winner.id, created: false };
}

export type OutboxAttachment = Omit<StoredAttachment, "blobKey">;
export type OutboxSummary = { id: string; toAddress: string; subject: string; createdAt: Date; attachmentCount: number };
export type OutboxEmail = OutboxSummary & {
  html: string;
  text: string;
  idempotencyKey: string;
  attachments: OutboxAttachment[];
  /** What became of it (null for an email written before deliveries were recorded). */
  delivery: { state: string; detail: string | null } | null;
};

function storedAttachments(value: unknown): StoredAttachment[] {
  const parsed = ZStoredAttachments.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The newest emails in the development outbox first. */
export async function listOutbox(limit = 50): Promise<OutboxSummary[]> {
  const rows = await prisma.emailOutbox.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, Math.floor(limit)), 500),
    select: { id: true, toAddress: true, subject: true, createdAt: true, attachments: true },
  });
  return rows.map(({ attachments, ...row }) => ({ ...row, attachmentCount: storedAttachments(attachments).length }));
}

export async function getOutboxEmail(id: string): Promise<OutboxEmail | null> {
  if (!isUuid(id)) return null;
  const [row, delivery] = await Promise.all([
    prisma.emailOutbox.findUnique({ where: { id } }),
    prisma.emailDelivery.findUnique({ where: { provider_providerId: { provider: "outbox", providerId: id } }, select: { state: true, detail: true } }),
  ]);
  if (!row) return null;
  const attachments = storedAttachments(row.attachments).map(({ filename, contentType, size }) => ({ filename, contentType, size }));
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    createdAt: row.createdAt,
    html: row.html,
    text: row.text,
    idempotencyKey: row.idempotencyKey,
    attachments,
    attachmentCount: attachments.length,
    delivery,
  };
}

/** One attachment's bytes, or null when the email, the index or the blob is missing. */
export async function getOutboxAttachment(id: string, index: number): Promise<(OutboxAttachment & { content: Buffer }) | null> {
  if (!isUuid(id) || !Number.isInteger(index) || index < 0) return null;
  const row = await prisma.emailOutbox.findUnique({ where: { id }, select: { attachments: true } });
  const attachment = row ? storedAttachments(row.attachments)[index] : undefined;
  if (!attachment) return null;
  const content = await getBlob(attachment.blobKey);
  if (!content) return null;
  return { filename: attachment.filename, contentType: attachment.contentType, size: attachment.size, content };
}
