// Auth.js (lib/auth): the endpoints an API client may use; Auth.js answers them in its own protocol.
import { z } from "zod";
import { ZAuthCredentials, ZAuthCsrf, ZAuthSession } from "../documented-schemas";
import { json, type ApiOperation } from "./operation";

export const AUTH_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/auth/csrf",
    operationId: "authCsrf",
    tag: "Auth",
    summary: "CSRF token for signing in",
    description: "Also sets the CSRF cookie, which must be sent back with the sign-in.",
    access: "public",
    responses: { 200: json("The token", ZAuthCsrf) },
  },
  {
    method: "post",
    path: "/api/auth/callback/credentials",
    operationId: "authSignIn",
    tag: "Auth",
    summary: "Sign in with email and password",
    description:
      "Form-encoded. On success, a redirect that sets the session cookie (`authjs.session-token`, `__Secure-` over HTTPS) which the JSON API accepts like a token. Rate limited per email and per address. For scripts, a personal API token is simpler.",
    access: "public",
    body: { schema: ZAuthCredentials, contentType: "application/x-www-form-urlencoded" },
    responses: { 302: { description: "Signed in (cookie set), or back to the sign-in page with an error" } },
  },
  {
    method: "get",
    path: "/api/auth/session",
    operationId: "authSession",
    tag: "Auth",
    summary: "The current session",
    access: "public",
    responses: { 200: json("The session, or null when signed out", ZAuthSession) },
  },
  {
    method: "post",
    path: "/api/auth/signout",
    operationId: "authSignOut",
    tag: "Auth",
    summary: "Sign out",
    description: "Form-encoded with `csrfToken`; ends every session of the user (a copy of the cookie stops working), clears the session cookie and answers `Clear-Site-Data: \"cache\", \"storage\"`. Bodies over 16 KiB get 413.",
    access: "session",
    body: { schema: z.object({ csrfToken: z.string() }), contentType: "application/x-www-form-urlencoded" },
    responses: { 302: { description: "Signed out" } },
  },
];
