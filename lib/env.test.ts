import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("has defaults that make the offline dev setup work", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", HOLD_MINUTES: 10, MAX_TICKETS_PER_ORDER: 10, DATABASE_POOL_SIZE: 10 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the setting and the fix in one line", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope" })).toThrow(new EnvError("Invalid settings: DATABASE_URL must be a postgresql:// connection URL"));
    expect(() => parseEnv({ HOLD_MINUTES: "ten" })).toThrow(/HOLD_MINUTES/);
    expect(() => parseEnv({ MAX_TICKETS_PER_ORDER: "0" })).toThrow(/MAX_TICKETS_PER_ORDER/);
  });

  it("refuses to run in production without a strong AUTH_SECRET", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toHaveLength(32);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", STRIPE_SECRET_KEY: "  " })).toMatchObject({ DATABASE_URL: undefined, STRIPE_SECRET_KEY: undefined });
  });
});
