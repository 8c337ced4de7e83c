import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { currentUser } from "@/lib/auth";
import { canViewOutbox } from "@/lib/email/outbox-access";
import { getOutboxAttachment } from "@/lib/email/send-email";
import { privateDownloadHeaders } from "@/lib/http/content-disposition";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; index: string }> };

/** An attachment of a dev outbox email; 404 wherever the outbox itself would be. */
export const GET = withApiErrors("dev_outbox_attachment", async (_request: Request, { params }: Context) => {
  const { id, index } = await params;
  const notFound = () => problemResponse("not_found", { detail: "No such attachment." });
  if (!canViewOutbox(await currentUser())) return notFound();
  const attachment = /^\d{1,3}$/.test(index) ? await getOutboxAttachment(id, Number(index)) : null;
  if (!attachment) return notFound();
  return new Response(new Uint8Array(attachment.content), {
    headers: privateDownloadHeaders(attachment.filename, attachment.contentType, attachment.content.length),
  });
});
