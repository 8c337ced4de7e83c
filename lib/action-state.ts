export type ActionState =
  | { ok: true; message?: string }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      /** Set when the shop is too busy right now: the form offers to try again after this many seconds. */
      retryAfterSeconds?: number;
    }
  | null;
