import type { Config } from "tailwindcss";

// Tailwind 4 reads this through `@config` in app/globals.css.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      fontFamily: { sans: ["var(--font-sans)", "system-ui", "sans-serif"] },
      colors: {
        brand: {
          50: "#fff4ed",
          100: "#ffe6d4",
          500: "#e8590c",
          600: "#c2410c",
          700: "#9a3412",
          900: "#431407",
        },
      },
    },
  },
};

export default config;
