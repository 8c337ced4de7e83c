import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { privateDownloadHeaders } from "@/lib/http/content-disposition";
import { getTicketsPdfForDownloadLink } from "@/lib/tickets/order-tickets-pdf";

export const dynamic = "force-dynamic";

/** The signed, expiring link from the delivery email: works without signing in. */
export const GET = withApiErrors("tickets_download", async (request: Request) => {
  const file = await getTicketsPdfForDownloadLink(new URL(request.url).searchParams);
  if (!file) {
    return problemResponse("not_found", {
      detail: "This link is invalid or has expired. Sign in to download your tickets from your order page.",
      headers: { "referrer-policy": "no-referrer" },
    });
  }
  return new Response(new Uint8Array(file.content), {
    headers: { ...privateDownloadHeaders(file.filename, "application/pdf", file.content.length), "referrer-policy": "no-referrer" },
  });
});
