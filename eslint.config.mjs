import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  {
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through lib/env.ts." },
      ],
    },
  },
  {
    files: ["lib/env.ts", "instrumentation.ts", "next.config.mjs", "prisma.config.ts", "scripts/**", "e2e/**", "playwright.config.ts", "vitest.config.ts", "tests/**", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
