import type { ApiTokenScope } from "./policy";
import type { SessionUser } from "./users";

/** Who is calling the JSON API: a personal token (with its scope) or a browser session. */
export type ApiCaller =
  | { user: SessionUser; via: "token"; tokenId: string; scope: ApiTokenScope }
  | { user: SessionUser; via: "session" };
