// Helpers for the API's integration tests: build the Request a client would send and call
// the route handler directly (the same function Next calls), with a real bearer token.
import { randomInt } from "node:crypto";
import { createApiToken } from "@/lib/auth/api-tokens";

export const TEST_ORIGIN = "http://localhost:3000";

export type ApiRequestOptions = {
  method?: string;
  token?: string;
  /** Serialized as JSON with Content-Type: application/json unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** X-Forwarded-For: a different address per simulated phone keeps the per-IP limit out of the way. */
  ip?: string;
};

export function apiRequest(path: string, options: ApiRequestOptions = {}): Request {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  headers["x-forwarded-for"] ??= options.ip ?? randomAddress();
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Request(`${TEST_ORIGIN}${path}`, { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

export function randomAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** Next's second argument to a dynamic route handler. */
export function routeParams<T extends Record<string, string>>(params: T): { params: Promise<T> } {
  return { params: Promise.resolve(params) };
}

export async function tokenFor(user: { id: string }, name = "test"): Promise<string> {
  const created = await createApiToken({ userId: user.id, input: { name } });
  if (!created.ok) throw new Error(created.message);
  return created.secret;
}

export async function readBody(response: Response): Promise<{ status: number; contentType: string; body: Record<string, unknown> & { code?: string } }> {
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", body: text ? JSON.parse(text) : {} };
}
