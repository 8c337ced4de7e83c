import localFont from "next/font/local";

// Self-hosted from @fontsource-variable/inter: no request to Google at build or run time.
export const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-sans",
  display: "swap",
  weight: "100 900",
});
