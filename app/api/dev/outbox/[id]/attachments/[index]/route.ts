import { currentUser } from "@/lib/auth";
import { canViewOutbox } from "@/lib/email/outbox-access";
import { getOutboxAttachment } from "@/lib/email/send-email";
import { privateDownloadHeaders } from "@/lib/http/content-disposition";

export const dynamic = "force-dynamic";

/** An attachment of a dev outbox email; 404 wherever the outbox itself would be. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  if (!canViewOutbox(await currentUser())) return new Response("Not found", { status: 404 });
  const attachment = /^\d{1,3}$/.test(index) ? await getOutboxAttachment(id, Number(index)) : null;
  if (!attachment) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(attachment.content), {
    headers: privateDownloadHeaders(attachment.filename, attachment.contentType, attachment.content.length),
  });
}
