import { authenticateApiRequest } from "@/lib/auth/api-caller";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { privateDownloadHeaders } from "@/lib/http/content-disposition";
import { ACCESS_PARAM } from "@/lib/orders/order-access";
import { getTicketsPdfForViewer } from "@/lib/tickets/order-tickets-pdf";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The order's tickets as a PDF, for its owner or an admin (session cookie or API token) or a private link's holder (?access=); anyone else gets a 404. */
export const GET = withApiErrors("order_tickets_pdf", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const access = new URL(request.url).searchParams.get(ACCESS_PARAM);
  const file = await getTicketsPdfForViewer(id, (await authenticateApiRequest(request))?.user ?? null, access);
  if (!file) return problemResponse("not_found", { detail: "Order not found." });
  return new Response(new Uint8Array(file.content), { headers: privateDownloadHeaders(file.filename, "application/pdf", file.content.length) });
});
