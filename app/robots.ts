import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

/** /robots.txt: everything public may be crawled; the sitemap lists it. Private and staff pages say noindex themselves. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/admin", "/check-in"] },
    sitemap: `${appUrl()}/sitemap.xml`,
  };
}
