import { withApiErrors } from "@/lib/http/with-api-errors";
import { jsonResponse } from "@/lib/http/json";
import { lineStatusForBrowser } from "@/lib/sale-line/browser-line";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Where this browser (or signed-in buyer) stands in the event's on-sale line, joining it at the
 * first ask; each ask is also the sign of life that keeps the place (lib/sale-line).
 */
export const POST = withApiErrors("sale_line", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const { status, setCookie } = await lineStatusForBrowser(id, request.headers.get("cookie"));
  return jsonResponse(status, { headers: setCookie ? { "set-cookie": setCookie } : {} });
});
