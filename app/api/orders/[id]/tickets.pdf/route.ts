import { authenticateApiRequest } from "@/lib/api/authenticate";
import { privateDownloadHeaders } from "@/lib/http/content-disposition";
import { getTicketsPdfForViewer } from "@/lib/tickets/order-tickets-pdf";

export const dynamic = "force-dynamic";

/** The order's tickets as a PDF, for its owner or an admin (session cookie or API token); anyone else gets a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const file = await getTicketsPdfForViewer(id, (await authenticateApiRequest(request))?.user ?? null);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.content), { headers: privateDownloadHeaders(file.filename, "application/pdf", file.content.length) });
}
