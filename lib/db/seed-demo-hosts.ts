// The demo's local hosts (issue 30): three hosts besides the platform's own "Local Tickets",
// each running venues of one city and their events, with logins for their members. Two are
// connected to Stripe (demo account ids that may take charges: the local test provider books
// their payments, fees and refunds in the ledger as Stripe would); one is not yet, so its events
// cannot go on sale and its admin pages say why (docs/decisions/0020). London, and Berlin's
// Café Müller and Spreehalle, stay with the platform's host. No server-only imports: scripts and tests use it.
import type { Locale } from "../i18n/locales";

export type DemoHost = {
  slug: string;
  name: string;
  city: string;
  story: string;
  photoPath: string;
  translations: Partial<Record<Locale, { name?: string; story?: string }>>;
  /** Whether its Stripe Connect account is ready: the demo shows one host that is not. */
  stripe: "connected" | "not connected";
  /** The neighbourhoods of its city whose venues it runs (none: all of the city's). */
  neighbourhoods?: readonly string[];
  /** The platform's fee for it, when not the platform's figure. */
  fee?: { percentBp: number; fixedMinor: number };
};

export const DEMO_HOSTS: readonly DemoHost[] = [
  {
    slug: "alfama-nights",
    name: "Alfama Nights",
    city: "Lisbon",
    story: "Three friends who grew up between the fado houses of Alfama. We book the singers we love, cook for the long tables and walk you home through the old town.",
    photoPath: "/images/events/fado-a-noite-alfama.webp",
    translations: {
      pt: { name: "Noites de Alfama", story: "Três amigos que cresceram entre as casas de fado de Alfama. Convidamos os fadistas de quem gostamos, cozinhamos para as mesas compridas e acompanhamos-te a casa pelo bairro antigo." },
      es: { name: "Noches de Alfama", story: "Tres amigos que crecieron entre las casas de fado de Alfama. Invitamos a los cantantes que nos gustan, cocinamos para las mesas largas y te acompañamos a casa por el barrio viejo." },
      ca: { name: "Nits d’Alfama", story: "Tres amics que van créixer entre les cases de fado d’Alfama. Convidem els cantants que ens agraden, cuinem per a les taules llargues i t’acompanyem a casa pel barri vell." },
      de: { name: "Alfama-Nächte", story: "Drei Freunde, die zwischen den Fadohäusern der Alfama aufgewachsen sind. Wir holen die Sängerinnen, die wir lieben, kochen für die langen Tische und bringen dich durch die Altstadt nach Hause." },
    },
    stripe: "connected",
  },
  {
    slug: "gracia-collective",
    name: "Col·lectiu Gràcia",
    city: "Barcelona",
    story: "A neighbourhood collective running a small hall, an open kitchen and a warehouse in Poblenou: concerts, cooking classes and the odd festival.",
    photoPath: "/images/events/flamenco-de-gracia.webp",
    translations: {
      en: { name: "Gràcia Collective" },
      pt: { name: "Coletivo Gràcia", story: "Um coletivo de bairro com uma sala pequena, uma cozinha aberta e um armazém no Poblenou: concertos, aulas de cozinha e um festival de vez em quando." },
      es: { name: "Colectivo Gràcia", story: "Un colectivo de barrio con una sala pequeña, una cocina abierta y una nave en el Poblenou: conciertos, clases de cocina y algún festival." },
      ca: { story: "Un col·lectiu de barri amb una sala petita, una cuina oberta i una nau al Poblenou: concerts, classes de cuina i algun festival." },
      de: { name: "Kollektiv Gràcia", story: "Ein Nachbarschaftskollektiv mit einem kleinen Saal, einer offenen Küche und einer Halle in Poblenou: Konzerte, Kochkurse und ab und zu ein Festival." },
    },
    stripe: "connected",
    fee: { percentBp: 300, fixedMinor: 20 },
  },
  {
    slug: "kreuzberg-makers",
    name: "Kreuzberg Makers",
    city: "Berlin",
    story: "Potters, dancers and musicians from Kreuzberg and Friedrichshain who open their studios and stages to anyone curious.",
    photoPath: "/images/events/pottery-wheel-hour.webp",
    translations: {
      pt: { story: "Oleiros, bailarinos e músicos de Kreuzberg e Friedrichshain que abrem os seus ateliês e palcos a quem tiver curiosidade." },
      es: { story: "Ceramistas, bailarines y músicos de Kreuzberg y Friedrichshain que abren sus talleres y escenarios a cualquier curioso." },
      ca: { story: "Ceramistes, ballarins i músics de Kreuzberg i Friedrichshain que obren els tallers i els escenaris a qualsevol curiós." },
      de: { name: "Kreuzberger Macher:innen", story: "Töpfer:innen, Tänzer:innen und Musiker:innen aus Kreuzberg und Friedrichshain, die ihre Werkstätten und Bühnen für alle Neugierigen öffnen." },
    },
    stripe: "not connected",
    // The potters' studio by the canal; the city's other venues stay the platform's, on sale.
    neighbourhoods: ["Neukölln"],
  },
];

/** The members' logins: an owner and a door person at Alfama Nights, a manager of each other host. */
export const DEMO_HOST_LOGINS: ReadonlyArray<{ email: string; password: string; name: string; host: string; hostRole: "owner" | "manager" | "door" }> = [
  { email: "owner@alfama-nights.example", password: "host-password", name: "Inês Owner", host: "alfama-nights", hostRole: "owner" },
  { email: "door@alfama-nights.example", password: "host-password", name: "Rui Door", host: "alfama-nights", hostRole: "door" },
  { email: "manager@gracia-collective.example", password: "host-password", name: "Marta Manager", host: "gracia-collective", hostRole: "manager" },
  { email: "manager@kreuzberg-makers.example", password: "host-password", name: "Jonas Manager", host: "kreuzberg-makers", hostRole: "manager" },
];

/** Which demo host runs a venue (null: the platform's own host). */
export function demoHostOfVenue(venue: { city: string; neighbourhood: string }): DemoHost | null {
  return DEMO_HOSTS.find((host) => host.city === venue.city && (!host.neighbourhoods || host.neighbourhoods.includes(venue.neighbourhood))) ?? null;
}

/**
 * Which payments the demo runs on: the local test provider (no keys), which simulates a
 * connected account's split, or Stripe (STRIPE_SECRET_KEY set), which refuses an account id
 * it never issued as a charge's destination.
 */
export type DemoPayments = "local" | "stripe";

export function demoPaymentsOf(settings: Readonly<Record<string, string | undefined>>): DemoPayments {
  return settings.STRIPE_SECRET_KEY?.trim() ? "stripe" : "local";
}

/** The prefix of the demo's made-up connected accounts: only the local provider can use them. */
export const DEMO_ACCOUNT_PREFIX = "acct_demo_";

/**
 * The Stripe columns of a demo host: under the local provider, a demo account that may take
 * charges (or none yet); under Stripe, none: its owner connects a Stripe test account in
 * Payouts, through Stripe's own onboarding, as a real host would.
 */
export function demoHostStripe(host: DemoHost, payments: DemoPayments = "local") {
  const fee = host.fee ? { feePercentBp: host.fee.percentBp, feeFixedMinor: host.fee.fixedMinor } : {};
  if (host.stripe !== "connected" || payments === "stripe") return fee;
  return { stripeAccountId: `${DEMO_ACCOUNT_PREFIX}${host.slug.replaceAll("-", "_")}`, chargesEnabled: true, detailsSubmitted: true, payoutsEnabled: true, ...fee };
}

/** One line per demo login for `npm run dev` and `npm run db:seed`. */
export function demoLoginLines(logins: ReadonlyArray<{ email: string; password: string; role: string }>, payments: DemoPayments = "local"): string[] {
  const hostName = (slug: string) => DEMO_HOSTS.find((host) => host.slug === slug)!;
  const state = (host: DemoHost) =>
    host.stripe !== "connected" ? ", not yet connected to Stripe" : payments === "stripe" ? ": connect a Stripe test account in Payouts" : "";
  return [
    ...logins.map((login) => `${login.role.padEnd(8)} ${login.email} / ${login.password}`),
    ...DEMO_HOST_LOGINS.map((login) => {
      const host = hostName(login.host);
      return `${login.hostRole.padEnd(8)} ${login.email} / ${login.password}  (${host.name}${state(host)})`;
    }),
  ];
}
