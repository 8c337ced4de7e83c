import { jsonResponse } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { ticketPublicKeyBase64Url } from "@/lib/tickets/keys";
import { TICKET_CODE_FORMAT } from "@/lib/tickets/ticket-code";

export const dynamic = "force-dynamic";

/** The public key that verifies ticket codes. Public: it can check tickets, never make one. */
export const GET = withApiErrors("check_in_keys", async () =>
  jsonResponse({ keys: [{ alg: "Ed25519", publicKey: ticketPublicKeyBase64Url() }], codeFormat: TICKET_CODE_FORMAT }, { headers: { "cache-control": "public, max-age=300" } }),
);
