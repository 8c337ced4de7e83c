import "server-only";
import { cachedPublicRead, PUBLIC_TAGS } from "@/lib/cache/public-pages";
import { lagTolerantRead } from "@/lib/db/read-replica";
import type { Locale } from "@/lib/i18n/locales";
import { hostTextIn } from "./host-text";

// A host's public page (issue 30.3): name, story, photo and city in the reader's language; its
// upcoming events come from lib/places (the listing's rules over the host's events). Read from
// the replica when there is one and kept in Next's cache under the catalog's tag, like a venue's.

export type PublicHost = { id: string; slug: string; name: string; story: string; photoPath: string | null; city: string; createdAt: Date };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The host of a URL name, in `locale`; null for a name that is no host's. */
export async function getPublicHost(slug: string, locale: Locale): Promise<PublicHost | null> {
  if (typeof slug !== "string" || slug.length > 80 || !SLUG.test(slug)) return null;
  return cachedHost(slug, locale);
}

const cachedHost = cachedPublicRead("publicHost", (slug: string, locale: Locale) => readPublicHost(slug, locale), () => [PUBLIC_TAGS.catalog]);

async function readPublicHost(slug: string, locale: Locale): Promise<PublicHost | null> {
  const host = await lagTolerantRead((db) => db.host.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, story: true, translations: true, photoPath: true, city: true, createdAt: true } }));
  if (!host) return null;
  const { translations, ...rest } = host;
  return { ...rest, ...hostTextIn({ name: host.name, story: host.story, translations }, locale) };
}

/** Every host with a published event (for the sitemap): slug and when its newest event changed. */
export async function listPublicHosts(): Promise<{ slug: string; updatedAt: Date }[]> {
  return lagTolerantRead((db) => db.$queryRaw<{ slug: string; updatedAt: Date }[]>`
    SELECT h.slug, max(e.updated_at) AS "updatedAt"
      FROM hosts h JOIN events e ON e.host_id = h.id AND e.status = 'published'
     GROUP BY h.slug ORDER BY h.slug`);
}
