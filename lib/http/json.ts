// Reading requests and writing answers for the JSON API's route handlers.
import { z } from "zod";
import { problemResponse, validationProblem } from "./problem";

/** Bodies are small JSON documents; anything bigger is refused before it is parsed. */
const MAX_BODY_BYTES = 16 * 1024;

export type Parsed<T> = { ok: true; data: T; raw: unknown } | { ok: false; response: Response };

/** A zod schema, or anything with the same safeParse (e.g. one that picks a schema by shape). */
export type SafeParser<T> = { safeParse(data: unknown): z.ZodSafeParseResult<T> };

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...init.headers },
  });
}

/**
 * The JSON body validated by `schema` (a strict zod object: unknown fields are refused).
 * 415 when it is not declared as JSON (which also keeps cross-site HTML forms from posting
 * to a cookie-authenticated route), 413 when too large, 400 when it is not JSON at all,
 * 422 when it is JSON whose content breaks the schema.
 */
export async function readJsonBody<T>(request: Request, schema: SafeParser<T>): Promise<Parsed<T>> {
  const body = await readJsonValue(request);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.data);
  if (!parsed.success) return { ok: false, response: validationProblem(parsed.error.issues) };
  return { ok: true, data: parsed.data, raw: body.data };
}

/**
 * The body as parsed JSON, not yet validated (for callers whose lib function validates it):
 * the same 415, 413 and 400 as readJsonBody. `emptyAs` stands in for an empty body.
 */
export async function readJsonValue(request: Request, options: { maxBytes?: number; emptyAs?: unknown } = {}): Promise<Parsed<unknown>> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z0-9.+-]+\+)?json\b/i.test(contentType.trim())) {
    return { ok: false, response: problemResponse("unsupported_media_type", { detail: "Send the body as JSON with Content-Type: application/json." }) };
  }
  const body = await readBodyText(request, maxBytes);
  if (!body.ok) return { ok: false, response: tooLargeProblem(maxBytes) };
  if (options.emptyAs !== undefined && body.text.trim() === "") return { ok: true, data: options.emptyAs, raw: options.emptyAs };
  let raw: unknown;
  try {
    raw = JSON.parse(body.text);
  } catch {
    return { ok: false, response: problemResponse("malformed_request", { detail: "The body is not valid JSON." }) };
  }
  return { ok: true, data: raw, raw };
}

/** The 413 problem for a body over `maxBytes`. */
export function tooLargeProblem(maxBytes: number): Response {
  return problemResponse("content_too_large", { detail: `Send at most ${maxBytes} bytes.` });
}

/**
 * The body as text, read as a stream and given up as soon as it passes `maxBytes` (then the
 * rest is never read: a 20 MB chunked body costs the first chunks, not 20 MB of memory and
 * seconds of reading). A declared Content-Length over the cap is refused before reading.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return { ok: false };
  }
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}

/**
 * Query parameters validated by a strict zod object (first value of each; an unknown or
 * repeated parameter is refused). A bad query is a malformed request: 400, not 422.
 */
export function readQuery<T>(request: Request, schema: SafeParser<T>): Parsed<T> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [name, value] of params) {
    if (name in raw) {
      return { ok: false, response: problemResponse("invalid_query", { detail: `Send ${name} once.`, errors: [{ pointer: name, detail: "Repeated parameter" }] }) };
    }
    raw[name] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) =>
      issue.code === "unrecognized_keys"
        ? { pointer: issue.keys[0], detail: `Unknown parameter: ${issue.keys.join(", ")}` }
        : { pointer: String(issue.path[0] ?? "query"), detail: issue.message },
    );
    return { ok: false, response: problemResponse("invalid_query", { detail: errors[0]?.detail, errors }) };
  }
  return { ok: true, data: parsed.data, raw };
}

/** Absolute URL of `path` on this app (APP_URL when set, else the request's origin). */
export function absoluteUrl(base: string, path: string): string {
  return new URL(path, `${base}/`).toString();
}
