import "server-only";
import { readBodyText } from "@/lib/api/http";
import { logError } from "@/lib/log";
import type { Actor } from "./authorize";
import { httpStatusOf, isAdminError } from "./errors";
import { adminOrNull } from "./require-admin";

const notFound = () => Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });

/** An event with dozens of sessions and ticket types is a few tens of kilobytes; images go through the upload form. */
export const MAX_ADMIN_JSON_BYTES = 256 * 1024;

/**
 * The admin JSON API's common steps: anyone but an admin gets the same 404 as a missing
 * page; a POST must be `application/json` (a cross-site form can't send that without a
 * CORS preflight, which we never allow) of at most MAX_ADMIN_JSON_BYTES; expected outcomes map to 404/409/422 with the
 * message and field errors the forms show; anything else is logged and answered 500.
 */
export async function adminJsonRoute(
  request: Request,
  name: string,
  handle: (actor: Actor, body: unknown) => Promise<Response>,
): Promise<Response> {
  const actor = await adminOrNull();
  if (!actor) return notFound();
  let body: unknown = undefined;
  if (request.method === "POST") {
    if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
      return Response.json({ error: { code: "unsupported_media_type", message: "Send a JSON body (Content-Type: application/json)." } }, { status: 415 });
    }
    // Read as a stream and given up past the cap, before anything is parsed.
    const read = await readBodyText(request, MAX_ADMIN_JSON_BYTES);
    if (!read.ok) {
      return Response.json({ error: { code: "content_too_large", message: `Send at most ${MAX_ADMIN_JSON_BYTES} bytes.` } }, { status: 413 });
    }
    const text = read.text;
    try {
      body = text.trim() === "" ? {} : JSON.parse(text);
    } catch {
      return Response.json({ error: { code: "invalid_json", message: "The body is not valid JSON." } }, { status: 400 });
    }
  }
  try {
    return await handle(actor, body);
  } catch (error) {
    if (isAdminError(error)) {
      if (error.code === "forbidden") return notFound();
      return Response.json({ error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } }, { status: httpStatusOf(error.code) });
    }
    logError(`admin api ${name} failed`, error, { actorId: actor.id });
    return Response.json({ error: { code: "internal", message: "Something went wrong on our side; nothing was saved." } }, { status: 500 });
  }
}
