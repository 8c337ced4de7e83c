import "server-only";
import { readJsonValue } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import type { Actor } from "./authorize";
import { adminOrNull } from "./require-admin";

/** An event with dozens of sessions and ticket types is a few tens of kilobytes; images go through the upload form. */
export const MAX_ADMIN_JSON_BYTES = 256 * 1024;

/**
 * A route handler of the admin JSON API, on the API's one wrapper (withApiErrors: every
 * answer that is not a success is problem+json). Anyone but an admin gets the same 404 as a
 * missing page; a POST or PATCH must be `application/json` (a cross-site form can't send that without
 * a CORS preflight, which we never allow) of at most MAX_ADMIN_JSON_BYTES, an empty one being
 * `{}`; the body goes to the lib function unvalidated, because lib/admin validates it (and
 * its AdminError becomes 404/409/422 with `errors` per field).
 */
export function adminJsonRoute<Context>(
  name: string,
  handle: (actor: Actor, body: unknown, request: Request, context: Context) => Promise<Response>,
): (request: Request, context?: Context) => Promise<Response> {
  return withApiErrors(
    `admin ${name}`,
    async (request: Request, context: Context) => {
      const actor = await adminOrNull();
      if (!actor) return problemResponse("not_found", { detail: "Not found." });
      let body: unknown = undefined;
      if (request.method === "POST" || request.method === "PATCH") {
        const read = await readJsonValue(request, { maxBytes: MAX_ADMIN_JSON_BYTES, emptyAs: {} });
        if (!read.ok) return read.response;
        body = read.data;
      }
      return handle(actor, body, request, context);
    },
    { internalDetail: "Something went wrong on our side; nothing was saved." },
  );
}
