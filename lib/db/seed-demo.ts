// Demo catalogue: two logins, a dozen venues in four cities (four time zones), ~50 events
// with sessions placed relative to `now`, and a few bookable experiences. Every place sold is
// a paid demo order of a demo buyer (with its tickets), so the dashboard's figures add up;
// the sessions already held have check-ins at the door, and some no-shows.
// Deterministic: the same `now` always gives the same rows (ids are name-based UUIDs and
// every "random" number comes from a hash of a fixed key). The caller decides whether to
// seed (e.g. only when the database is empty); this function only inserts.
// Scripts and tests pass their own client, so nothing here may import server-only code.
import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient } from "../generated/prisma/client";
import { demoQuestionRows } from "./seed-demo-questions";
import { DEMO_CANCELLATION, demoBoxOfficeRows } from "./seed-demo-box-office";
import { DEMO_MEETING_POINTS, DEMO_MESSAGE, demoAttendeeWordRows } from "./seed-demo-attendee-word";
import type { Locale } from "../i18n/locales";
import { DEMO_BUYERS, DEMO_ORIGINALS, DEMO_TICKET_TYPE_NAMES } from "./seed-demo-translations";
import { DEMO_RANGE_WAITLIST, DEMO_WAITLIST, seedDemoRangeWaitlist, seedDemoWaitlist } from "./seed-demo-waitlist";
import { DEMO_HOST_LOGINS, DEMO_HOSTS, demoHostOfVenue, demoHostStripe, type DemoPayments } from "./seed-demo-hosts";
import { DEMO_INVITATION, seedDemoInvitations } from "./seed-demo-invitations";

// ---------------------------------------------------------------------------------------
// Public constants

export type DemoRole = "admin" | "attendee";

export const DEMO_LOGINS: ReadonlyArray<{ email: string; password: string; role: DemoRole; name: string }> = [
  { email: "admin@example.com", password: "admin-password", role: "admin", name: "Ada Admin" },
  { email: "attendee@example.com", password: "attendee-password", role: "attendee", name: "Sam Attendee" },
];

/** Events with a known shape, for tests. All published unless the key says otherwise. */
export const DEMO_SLUGS = {
  /** Upcoming, three ticket types, every session with plenty of places. */
  ticketed: "sao-bento-jazz-sessions",
  /** Every session (all upcoming) sold out: sold = capacity on every ticket type, but for one seat of the next show held by a waiting-list offer (seed-demo-waitlist.ts). */
  soldOut: "kreuzberg-comedy-cellar",
  /** Every upcoming session has fewer than 10% of its places left. */
  fewLeft: "lantern-rooms-late-comedy",
  /** Upcoming, one ticket type priced 0, plenty of places. */
  free: "cafe-muller-open-mic",
  /** Bookable experience: a Resource row (09:00-18:00, 30-minute slots), no sessions. */
  bookable: "alfama-private-walking-tour",
  /** Has a session later today (venue time) unless `now` is too late in the local day. */
  today: "fado-a-noite-alfama",
  /** Has a session on the coming Saturday (the next Saturday strictly after today). */
  weekend: "petit-teatre-de-titelles",
  /** Only past sessions. */
  past: "hackney-wick-warehouse-festival",
  /** Status draft, with upcoming sessions. */
  draft: "cellar-door-wine-walk",
  /** Status cancelled; its sessions are cancelled too. */
  cancelled: "cinema-a-la-fresca-gracia",
} as const;

/** Bookable experiences (one Resource each). */
export const DEMO_BOOKABLE_SLUGS = [
  "alfama-private-walking-tour",
  "tagus-sunset-sailing-trip",
  "catalan-cooking-class-with-marta",
  "pottery-wheel-hour",
  "thames-private-photo-walk",
] as const;

export type Motif =
  | "notes" | "guitar" | "strings" | "vinyl" | "mic" | "mask" | "boat" | "pot" | "chef"
  | "plate" | "wine" | "compass" | "bike" | "balloons" | "fireworks" | "brush" | "book"
  | "bread" | "cup" | "tile" | "dance" | "lantern" | "camera" | "market" | "puppet" | "film"
  | "circus" | "tart" | "tram" | "moon";

export type DemoCategory = "concert" | "festival" | "comedy" | "workshop" | "tour" | "food" | "theatre" | "family";

// ---------------------------------------------------------------------------------------
// Venues

type VenueKey =
  | "alfama" | "saoBento" | "belem" | "gracia" | "born" | "poblenou"
  | "kreuzberg" | "friedrichshain" | "neukolln" | "hackney" | "bermondsey" | "southBank";

type VenueSpec = {
  name: string;
  address: string;
  city: string;
  neighbourhood: string;
  timeZone: string;
  latitude: number;
  longitude: number;
  /** The address card OpenActive consumers expect (phones in drama/fictional-looking ranges, .example sites). */
  postalCode: string;
  region: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone: string;
  url: string;
};

/** The currency a venue sells in: pounds in London, euros elsewhere in the demo. */
const CURRENCY_BY_CITY: Record<string, string> = { London: "GBP" };
const currencyOf = (venue: VenueSpec): string => CURRENCY_BY_CITY[venue.city] ?? "EUR";

const VENUES: Record<VenueKey, VenueSpec> = {
  alfama: {
    name: "Tasca da Saudade", address: "Rua de São Miguel 27, 1100-544 Lisboa", city: "Lisbon",
    neighbourhood: "Alfama", timeZone: "Europe/Lisbon", latitude: 38.7116, longitude: -9.1297,
    postalCode: "1100-544", region: "Lisboa", country: "PT", phone: "+351 21 886 0427", url: "https://tascadasaudade.example",
  },
  saoBento: {
    name: "Armazém São Bento", address: "Rua de São Bento 212, 1200-821 Lisboa", city: "Lisbon",
    neighbourhood: "São Bento", timeZone: "Europe/Lisbon", latitude: 38.7139, longitude: -9.1534,
    postalCode: "1200-821", region: "Lisboa", country: "PT", phone: "+351 21 397 1150", url: "https://armazemsaobento.example",
  },
  belem: {
    name: "Cais do Tejo, Pier 4", address: "Avenida Brasília, Doca de Belém, 1400-038 Lisboa", city: "Lisbon",
    neighbourhood: "Belém", timeZone: "Europe/Lisbon", latitude: 38.6961, longitude: -9.2031,
    postalCode: "1400-038", region: "Lisboa", country: "PT", phone: "+351 21 362 0388", url: "https://caisdotejo.example",
  },
  gracia: {
    name: "Sala Llum de Gràcia", address: "Carrer de Verdi 64, 08012 Barcelona", city: "Barcelona",
    neighbourhood: "Gràcia", timeZone: "Europe/Madrid", latitude: 41.4036, longitude: 2.1571,
    postalCode: "08012", region: "Catalunya", country: "ES", phone: "+34 932 17 4409", url: "https://salallumdegracia.example",
  },
  born: {
    name: "Cuina Oberta del Born", address: "Carrer de l'Argenteria 19, 08003 Barcelona", city: "Barcelona",
    neighbourhood: "El Born", timeZone: "Europe/Madrid", latitude: 41.3840, longitude: 2.1811,
    postalCode: "08003", region: "Catalunya", country: "ES", phone: "+34 933 19 2276", url: "https://cuinaobertadelborn.example",
  },
  poblenou: {
    name: "La Nau de Poblenou", address: "Carrer de Pujades 102, 08005 Barcelona", city: "Barcelona",
    neighbourhood: "Poblenou", timeZone: "Europe/Madrid", latitude: 41.3993, longitude: 2.1986,
    postalCode: "08005", region: "Catalunya", country: "ES", phone: "+34 934 85 6613", url: "https://lanaudepoblenou.example",
  },
  kreuzberg: {
    name: "Café Müller", address: "Oranienstraße 188, 10999 Berlin", city: "Berlin",
    neighbourhood: "Kreuzberg", timeZone: "Europe/Berlin", latitude: 52.5009, longitude: 13.4187,
    postalCode: "10999", region: "Berlin", country: "DE", phone: "+49 30 6128 4410", url: "https://cafemueller-kreuzberg.example",
  },
  friedrichshain: {
    name: "Spreehalle", address: "Revaler Straße 9, 10245 Berlin", city: "Berlin",
    neighbourhood: "Friedrichshain", timeZone: "Europe/Berlin", latitude: 52.5074, longitude: 13.4539,
    postalCode: "10245", region: "Berlin", country: "DE", phone: "+49 30 2936 7752", url: "https://spreehalle.example",
  },
  neukolln: {
    name: "Töpferei am Kanal", address: "Weserstraße 61, 12045 Berlin", city: "Berlin",
    neighbourhood: "Neukölln", timeZone: "Europe/Berlin", latitude: 52.4879, longitude: 13.4331,
    postalCode: "12045", region: "Berlin", country: "DE", phone: "+49 30 6220 3918", url: "https://toepferei-am-kanal.example",
  },
  hackney: {
    name: "The Lantern Rooms", address: "14 Mare Street, London E8 4RP", city: "London",
    neighbourhood: "Hackney", timeZone: "Europe/London", latitude: 51.5363, longitude: -0.0559,
    postalCode: "E8 4RP", region: "Greater London", country: "GB", phone: "+44 20 7946 0381", url: "https://thelanternrooms.example",
  },
  bermondsey: {
    name: "Bermondsey Arches", address: "Arch 7, Druid Street, London SE1 2HH", city: "London",
    neighbourhood: "Bermondsey", timeZone: "Europe/London", latitude: 51.5014, longitude: -0.0786,
    postalCode: "SE1 2HH", region: "Greater London", country: "GB", phone: "+44 20 7946 0552", url: "https://bermondseyarches.example",
  },
  southBank: {
    name: "Riverside Playhouse", address: "31 Upper Ground, London SE1 9PP", city: "London",
    neighbourhood: "South Bank", timeZone: "Europe/London", latitude: 51.5077, longitude: -0.1108,
    postalCode: "SE1 9PP", region: "Greater London", country: "GB", phone: "+44 20 7946 0719", url: "https://riversideplayhouse.example",
  },
};

// ---------------------------------------------------------------------------------------
// Open data: the OpenActive activity (lib/feeds/openactive-activities.json) of the events
// that are physical activity, and age limits. Concerts, comedy, tastings and workshops such
// as pottery have no concept in the OpenActive list.

const WALKING = "95092977-5a20-4d6e-b312-8fddabe71544";
const CYCLING = "4a19873e-118e-43f4-b86e-05acba8fb1de";
const SAILING = "6bb8b844-df3e-4cae-bf5f-3e129c6b1a9d";
const OPEN_DATA_BY_SLUG: Record<string, { activityId?: string; minAge?: number; maxAge?: number }> = {
  "alfama-private-walking-tour": { activityId: WALKING },
  "belem-pastry-walk": { activityId: WALKING },
  "poblenou-street-art-tour": { activityId: WALKING },
  "berlin-techno-history-walk": { activityId: WALKING, minAge: 16 },
  "southwark-ghost-walk": { activityId: WALKING, minAge: 12 },
  "thames-private-photo-walk": { activityId: WALKING },
  "cellar-door-wine-walk": { activityId: WALKING, minAge: 18 },
  "tagus-sunset-sailing-trip": { activityId: SAILING, minAge: 6 },
  "neukolln-canal-cycle-tour": { activityId: CYCLING, minAge: 12 },
  "kinder-clay-club": { minAge: 5, maxAge: 10 },
  "natural-wine-tasting-el-born": { minAge: 18 },
  "bermondsey-cheese-and-cider": { minAge: 18 },
};

// ---------------------------------------------------------------------------------------
// Events

/**
 * past: `day` days before today; ahead: `day` days after today; saturday/sunday: the coming
 * weekend; weekday: the `day`-th next `weekday` (0: the first one after today), on that weekday
 * whatever date the demo is seeded (an event that says "Tuesday" is on a Tuesday).
 */
type When = "past" | "today" | "saturday" | "sunday" | "ahead" | "weekday";
/** normal: 5-55% sold; soldOut: sold = capacity on every type; fewLeft: under 10% left on every type. */
type Stock = "normal" | "soldOut" | "fewLeft";

type SessionSpec = { when: When; day: number; at: string; minutes: number; stock?: Stock; weekday?: number };
/** `hidden`: sold only with a code that reveals it (seed-demo-box-office.ts). */
type TicketSpec = { name: string; priceMinor: number; capacity: number; description?: string; hidden?: boolean };
type ResourceSpec = {
  name: string; opens: string; closes: string; slotMinutes: number;
  minMinutes: number; maxMinutes: number; priceMinorPerSlot: number;
};

type EventSpec = {
  slug: string;
  title: string;
  category: DemoCategory;
  venue: VenueKey;
  motif: Motif;
  summary: string;
  description: string;
  imageAlt: string;
  status?: "draft" | "published" | "cancelled";
  stock?: Stock;
  tickets: TicketSpec[];
  sessions: SessionSpec[];
  resource?: ResourceSpec;
};

const past = (day: number, at: string, minutes: number, stock?: Stock): SessionSpec => ({ when: "past", day, at, minutes, stock });
const today = (at: string, minutes: number, stock?: Stock): SessionSpec => ({ when: "today", day: 0, at, minutes, stock });
const sat = (at: string, minutes: number, stock?: Stock): SessionSpec => ({ when: "saturday", day: 0, at, minutes, stock });
const sun = (at: string, minutes: number, stock?: Stock): SessionSpec => ({ when: "sunday", day: 0, at, minutes, stock });
const ahead = (day: number, at: string, minutes: number, stock?: Stock): SessionSpec => ({ when: "ahead", day, at, minutes, stock });
const tuesday = (week: number, at: string, minutes: number): SessionSpec => ({ when: "weekday", weekday: 2, day: week, at, minutes });
const t = (name: string, priceMinor: number, capacity: number, description?: string): TicketSpec => ({ name, priceMinor, capacity, description });

const GA = "General admission";

const EVENTS: EventSpec[] = [
  // --- Lisbon · Alfama · Tasca da Saudade --------------------------------------------
  {
    slug: "fado-a-noite-alfama", title: "Fado à Noite in Alfama", category: "concert", venue: "alfama", motif: "guitar",
    summary: "Candlelit fado in a tiny tasca, two voices and a Portuguese guitar.",
    description: "Three fadistas take turns through the evening, accompanied by Portuguese and classical guitar. The room seats forty at shared tables, so arrive early for a spot near the singers. Petiscos and wine are served between sets.",
    imageAlt: "Illustration of an acoustic guitar tilted across a glowing evening gradient",
    tickets: [t(GA, 2200, 40), t("Table with petiscos", 3900, 16, "Reserved seat and a board of petiscos to share.")],
    sessions: [today("20:30", 120), ahead(9, "20:30", 120), ahead(23, "20:30", 120)],
  },
  {
    slug: "alfama-private-walking-tour", title: "Private Walking Tour of Alfama", category: "tour", venue: "alfama", motif: "compass",
    summary: "Your own guide through Alfama's stairways, miradouros and hidden chapels.",
    description: "Book a local guide for just your group and wander the oldest quarter of Lisbon at your own pace. Routes take in the Sé, the Santa Luzia viewpoint and the backstreets where fado was born. Choose anything from one to three hours.",
    imageAlt: "Illustration of a compass rose inside a ring",
    tickets: [], sessions: [],
    resource: { name: "Private guide", opens: "09:00", closes: "18:00", slotMinutes: 30, minMinutes: 60, maxMinutes: 180, priceMinorPerSlot: 2500 },
  },
  {
    slug: "petiscos-and-port-evening", title: "Petiscos & Port Evening", category: "food", venue: "alfama", motif: "wine",
    summary: "Six small plates, three ports and stories from the Douro.",
    description: "A guided tasting of tawny, ruby and white port, each paired with a petisco from the tasca's kitchen. The host explains how port is made and aged, and why Lisbon drinks it differently from Porto.",
    imageAlt: "Illustration of a glass of wine with a soft highlight",
    tickets: [t("Tasting seat", 4500, 24)],
    sessions: [ahead(5, "17:30", 90), ahead(19, "17:30", 90)],
  },
  {
    slug: "guitarra-portuguesa-for-beginners", title: "Guitarra Portuguesa for Beginners", category: "workshop", venue: "alfama", motif: "guitar",
    summary: "Learn your first fado accompaniment on a twelve-string Portuguese guitar.",
    description: "A patient teacher shows you how to hold, tune and pluck the pear-shaped guitarra. By the end of the afternoon you will play a simple accompaniment to a traditional fado. Instruments are provided.",
    imageAlt: "Illustration of a guitar with its strings and round sound hole",
    tickets: [t("Workshop place", 5500, 10)],
    sessions: [past(12, "15:00", 150), ahead(33, "15:00", 150)],
  },

  // --- Lisbon · São Bento · Armazém São Bento ----------------------------------------
  {
    slug: "sao-bento-jazz-sessions", title: "São Bento Jazz Sessions", category: "concert", venue: "saoBento", motif: "notes",
    summary: "A monthly jazz night with Lisbon's best trios in an old warehouse.",
    description: "The Armazém turns down the lights for a night of standards, Brazilian-tinged originals and a late jam open to visiting players. The bar stays open throughout. Front-row tables sit right at the edge of the stage.",
    imageAlt: "Illustration of beamed musical notes floating on a gradient",
    stock: "normal",
    tickets: [t("Early bird", 1200, 60), t(GA, 1800, 200), t("Front row table", 3000, 24, "A reserved table for two at the stage edge, priced per person.")],
    sessions: [ahead(11, "21:00", 150), ahead(39, "21:00", 150), ahead(67, "21:00", 150)],
  },
  {
    slug: "azulejo-tile-painting", title: "Azulejo Tile Painting Workshop", category: "workshop", venue: "saoBento", motif: "tile",
    summary: "Paint and fire your own blue-and-white Portuguese tile.",
    description: "Learn the history of azulejos, then trace, outline and fill your own design with cobalt glaze. Tiles are fired in the studio kiln and ready to collect a week later, or posted home for a small fee.",
    imageAlt: "Illustration of six patterned tiles, each with a ring, a four-pointed star and corner dots",
    tickets: [t("Workshop place", 4800, 14)],
    sessions: [sat("10:30", 180), ahead(26, "10:30", 180)],
  },
  {
    slug: "lisbon-laughs-english-stand-up", title: "Lisbon Laughs: English Stand-up Night", category: "comedy", venue: "saoBento", motif: "mic",
    summary: "Five comics, one mic, and plenty of jokes about living in Lisbon.",
    description: "Lisbon's international comedy scene in one line-up: expats, locals and a touring headliner. The show is in English and runs about two hours with an interval. Suitable for ages 16 and up.",
    imageAlt: "Illustration of a vintage stage microphone on a stand",
    tickets: [t(GA, 1500, 120), t("Front row", 2000, 20)],
    sessions: [past(6, "21:30", 120), ahead(13, "21:30", 120), ahead(41, "21:30", 120)],
  },
  {
    slug: "independent-zine-fair-sao-bento", title: "Independent Zine & Book Fair", category: "festival", venue: "saoBento", motif: "book",
    summary: "Forty small presses, risograph printers and illustrators under one roof.",
    description: "A weekend of independent publishing with stalls from Lisbon, Porto and beyond. Drop in for readings, a live risograph demo and a swap table for your own zines. Entry is free.",
    imageAlt: "Illustration of an open book with two loose scraps of paper",
    tickets: [t("Free entry", 0, 300)],
    sessions: [ahead(47, "11:00", 420), ahead(48, "11:00", 420)],
  },

  // --- Lisbon · Belém · Cais do Tejo ----------------------------------------------------
  {
    slug: "tagus-sunset-sailing-trip", title: "Tagus Sunset Sailing Trip", category: "tour", venue: "belem", motif: "boat",
    summary: "Charter a small sailboat for your group and watch the sun set over the river.",
    description: "Skipper Rui takes up to eight guests out past the Belém Tower and under the 25 de Abril bridge. Drinks and snacks are on board. Book one to four hours; the last hour before closing catches the sunset in summer.",
    imageAlt: "Illustration of a sailboat with two coloured sails above stylised waves",
    tickets: [], sessions: [],
    resource: { name: "Sailboat Gaivota", opens: "10:00", closes: "20:00", slotMinutes: 60, minMinutes: 60, maxMinutes: 240, priceMinorPerSlot: 6000 },
  },
  {
    slug: "belem-pastry-walk", title: "Belém Pastry Walk", category: "tour", venue: "belem", motif: "tart",
    summary: "Custard tarts, monasteries and the river: a sweet morning stroll.",
    description: "A guided walk from the riverside to the Jerónimos monastery, with three pastry stops along the way. You will learn why the monks made pastéis de nata and taste the difference between the famous bakery and its rivals.",
    imageAlt: "Illustration of a custard tart with caramelised spots",
    tickets: [t("Adult", 2900, 18), t("Child (6-12)", 1500, 10)],
    sessions: [sun("10:00", 150), ahead(16, "10:00", 150), ahead(44, "10:00", 150)],
  },
  {
    slug: "noites-do-rio-light-festival", title: "Noites do Rio Light Festival", category: "festival", venue: "belem", motif: "fireworks",
    summary: "Light installations, DJs and food trucks along the Belém waterfront.",
    description: "Artists from across Portugal light up the docks with projections and interactive pieces. DJs play on a floating stage until late, and food trucks line the promenade. Bring a jacket: it gets breezy by the water.",
    imageAlt: "Illustration of three firework bursts",
    tickets: [t("Early bird", 1000, 150), t(GA, 1500, 300)],
    sessions: [ahead(58, "19:00", 300), ahead(59, "19:00", 300)],
  },

  // --- Barcelona · Gràcia · Sala Llum de Gràcia ---------------------------------------
  {
    slug: "flamenco-de-gracia", title: "Flamenco de Gràcia", category: "concert", venue: "gracia", motif: "dance",
    summary: "Guitar, cante and dance in an intimate Gràcia sala.",
    description: "A young company from Barcelona's flamenco scene brings an hour of soleá, bulerías and alegrías to a room of just sixty seats. Sit close enough to hear the footwork. The first night sold out in a day.",
    imageAlt: "Illustration of a dancer with outstretched arms and a swirling skirt",
    tickets: [t(GA, 2500, 50), t("Front row", 3500, 20)],
    sessions: [ahead(4, "20:00", 75, "soldOut"), ahead(18, "20:00", 75, "fewLeft"), ahead(46, "20:00", 75)],
  },
  {
    slug: "vermut-and-vinyl-sunday", title: "Vermut & Vinyl Sunday", category: "concert", venue: "gracia", motif: "vinyl",
    summary: "Sunday vermouth, olives and a DJ spinning rumba catalana records.",
    description: "The Barcelona Sunday ritual with a soundtrack: house vermouth on tap, a plate of olives and chips, and crate-diggers playing rumba, soul and Latin funk from original vinyl. Kids are welcome until 4 pm.",
    imageAlt: "Illustration of a vinyl record with a turntable tonearm",
    tickets: [t("Entry with a vermut", 800, 120)],
    sessions: [sun("12:00", 240), ahead(21, "12:00", 240), ahead(49, "12:00", 240)],
  },
  {
    slug: "impro-a-gracia", title: "Impro a Gràcia: Improvised Comedy", category: "comedy", venue: "gracia", motif: "mask",
    summary: "No script, your suggestions, bilingual chaos in Catalan, Spanish and English.",
    description: "Barcelona's longest-running improv troupe builds scenes from audience suggestions. Every show is different and most are performed in a cheerful mix of three languages. Expect to be asked for a word or two.",
    imageAlt: "Illustration of two theatre masks, one smiling and one frowning",
    tickets: [t(GA, 1400, 80)],
    sessions: [today("21:00", 90), ahead(14, "22:00", 90)],
  },
  {
    slug: "petit-teatre-de-titelles", title: "Petit Teatre de Titelles", category: "family", venue: "gracia", motif: "puppet",
    summary: "A gentle puppet show for children aged three to eight.",
    description: "Hand-made puppets tell the story of a cat who wants to see the sea. The show lasts forty-five minutes, followed by a chance to meet the puppets and the puppeteers. Performed in Catalan with lots of music and few words.",
    imageAlt: "Illustration of a smiling hand puppet on a small curtained stage",
    tickets: [t("Adult", 900, 40), t("Child", 600, 60)],
    sessions: [sat("11:00", 45), sun("11:00", 45), ahead(28, "11:00", 45)],
  },

  // --- Barcelona · El Born · Cuina Oberta --------------------------------------------
  {
    slug: "catalan-cooking-class-with-marta", title: "Catalan Cooking Class with Marta", category: "food", venue: "born", motif: "chef",
    summary: "A private cooking class in a Born kitchen, from pa amb tomàquet to crema catalana.",
    description: "Marta welcomes your group into her open kitchen and cooks three Catalan classics with you. You eat what you make at the long table, with a glass of local wine. Book two or three hours for up to six guests.",
    imageAlt: "Illustration of a chef's hat above a frying pan",
    tickets: [], sessions: [],
    resource: { name: "Kitchen table (up to 6)", opens: "10:00", closes: "21:00", slotMinutes: 60, minMinutes: 120, maxMinutes: 180, priceMinorPerSlot: 4500 },
  },
  {
    slug: "el-born-tapas-crawl", title: "El Born Tapas Crawl", category: "food", venue: "born", motif: "plate",
    summary: "Four bars, four tapas, one guide who knows every barman by name.",
    description: "Meet at the kitchen and follow your guide through the medieval lanes of El Born to four family-run bars. Each stop serves a signature tapa and a drink. Vegetarian options on request.",
    imageAlt: "Illustration of a plate of small tapas between a fork and a knife",
    tickets: [t("Crawl ticket", 5900, 16)],
    sessions: [sat("19:00", 180), ahead(10, "19:00", 180), ahead(38, "19:00", 180)],
  },
  {
    slug: "natural-wine-tasting-el-born", title: "Natural Wine Tasting", category: "food", venue: "born", motif: "wine",
    summary: "Six low-intervention wines from Penedès and Priorat.",
    description: "A sommelier pours six natural and biodynamic wines from small Catalan producers and talks about how they are made. Cheese and bread are included. Good for curious beginners and wine nerds alike.",
    imageAlt: "Illustration of a wine glass, half full",
    tickets: [t("Tasting seat", 3500, 20)],
    sessions: [past(3, "19:30", 120), ahead(24, "19:30", 120)],
  },
  {
    slug: "crema-catalana-workshop", title: "Crema Catalana Workshop", category: "workshop", venue: "born", motif: "tart",
    summary: "Learn the custard, master the caramel crust, take your own home.",
    description: "A short, hands-on pastry class: infuse milk with lemon and cinnamon, cook the custard and burn the sugar with a traditional iron. Everyone leaves with two ramekins and the recipe.",
    imageAlt: "Illustration of a round custard dessert with a caramelised top",
    tickets: [t("Workshop place", 3900, 12)],
    sessions: [ahead(31, "11:00", 120), ahead(60, "11:00", 120)],
  },

  // --- Barcelona · Poblenou · La Nau -------------------------------------------------
  {
    slug: "poblenou-summer-beats", title: "Poblenou Summer Beats", category: "festival", venue: "poblenou", motif: "fireworks",
    summary: "An all-day open-air festival of local DJs and live electronic acts.",
    description: "The courtyard of an old textile factory hosts twelve hours of music across two stages. Food trucks, a chill-out zone with deck chairs and free water refills keep you going. Over-18s only.",
    imageAlt: "Illustration of colourful bursts of light like fireworks",
    tickets: [t("Early bird", 2500, 200), t(GA, 3500, 300), t("VIP terrace", 6500, 50)],
    sessions: [ahead(75, "12:00", 660)],
  },
  {
    slug: "nau-electronic-night", title: "La Nau Electronic Night", category: "concert", venue: "poblenou", motif: "vinyl",
    summary: "Modular synths and a big sound system in a converted factory.",
    description: "Three live electronic sets from Barcelona artists working with modular synthesisers, followed by a DJ until close. The sound system was built by the venue's own engineers. Doors at 23:00.",
    imageAlt: "Illustration of a spinning vinyl record and tonearm",
    tickets: [t(GA, 1600, 250)],
    sessions: [sat("23:00", 300), ahead(35, "23:00", 300)],
  },
  {
    slug: "poblenou-street-art-tour", title: "Poblenou Street Art Tour", category: "tour", venue: "poblenou", motif: "brush",
    summary: "Murals, paste-ups and the artists behind Barcelona's creative district.",
    description: "A street artist leads you through the former factories of Poblenou, explaining the techniques and politics behind the walls. The tour ends at a studio where you can try a stencil yourself.",
    imageAlt: "Illustration of a paintbrush finishing a wavy stroke of paint",
    tickets: [t("Adult", 1800, 20), t("Student", 1200, 10)],
    sessions: [ahead(6, "11:00", 120), ahead(27, "11:00", 120), ahead(55, "11:00", 120)],
  },
  {
    slug: "poblenou-makers-market", title: "Poblenou Makers' Market", category: "festival", venue: "poblenou", motif: "market",
    summary: "Ceramics, prints, leather and food from sixty local makers. Free entry.",
    description: "Once a month the factory floor fills with stalls from Barcelona's independent makers. Meet the people behind the products, watch demos and stay for lunch from the food stands. Free entry, dogs welcome.",
    imageAlt: "Illustration of a market stall with a striped awning and round produce",
    tickets: [t("Free entry", 0, 300)],
    sessions: [past(20, "10:00", 480), ahead(12, "10:00", 480), ahead(40, "10:00", 480)],
  },

  // --- Berlin · Kreuzberg · Café Müller ------------------------------------------------
  {
    slug: "kreuzberg-comedy-cellar", title: "Kreuzberg Comedy Cellar", category: "comedy", venue: "kreuzberg", motif: "mic",
    summary: "The cellar bar's legendary English-language comedy night. Sold out again.",
    description: "Six comics, each with ten minutes, in a brick cellar with sixty seats and a tiny stage. The line-up mixes Berlin regulars and touring acts. Tickets go fast; sign up to the venue's newsletter for the next release.",
    imageAlt: "Illustration of a stage microphone on a stand in a spotlight glow",
    stock: "soldOut",
    tickets: [t(GA, 1200, 60), t("Front row", 1600, 12)],
    sessions: [sat("20:30", 120), ahead(15, "20:30", 120)],
  },
  {
    slug: "cafe-muller-open-mic", title: "Open Mic at Café Müller", category: "concert", venue: "kreuzberg", motif: "guitar",
    summary: "Free Tuesday open mic: songwriters, poets and first-timers welcome.",
    description: "Sign up at the bar from 19:00 for a ten-minute slot. The house guitar and piano are free to use, and the crowd is famously kind to newcomers. Entry is free; the hat is passed for the performers.",
    imageAlt: "Illustration of an acoustic guitar waiting for the next performer",
    tickets: [t("Free entry", 0, 80)],
    sessions: [tuesday(0, "19:30", 180), tuesday(1, "19:30", 180), tuesday(3, "19:30", 180)],
  },
  {
    slug: "latte-art-basics", title: "Latte Art Basics", category: "workshop", venue: "kreuzberg", motif: "cup",
    summary: "Steam milk and pour your first rosetta with Café Müller's baristas.",
    description: "A two-hour barista class on the café's espresso machines. You will learn to dial in a shot, texture milk and pour a heart, a tulip and a rosetta. Oat milk available.",
    imageAlt: "Illustration of a coffee cup with a foam heart and rising steam",
    tickets: [t("Workshop place", 4000, 10)],
    sessions: [past(2, "10:00", 120), past(16, "10:00", 120)],
  },
  {
    slug: "kreuzberg-poetry-slam", title: "Kreuzberg Poetry Slam", category: "theatre", venue: "kreuzberg", motif: "book",
    summary: "Eight poets, five minutes each, the audience picks the winner.",
    description: "Berlin's friendliest slam brings spoken word in German and English to Café Müller. The audience votes with scorecards, and the winner goes through to the city final. A short open list follows the competition.",
    imageAlt: "Illustration of an open book with lined pages",
    tickets: [t(GA, 800, 90)],
    sessions: [ahead(20, "20:00", 120), ahead(48, "20:00", 120)],
  },

  // --- Berlin · Friedrichshain · Spreehalle --------------------------------------------
  {
    slug: "spreehalle-indie-night", title: "Spreehalle Indie Night", category: "concert", venue: "friedrichshain", motif: "notes",
    // A members' presale, hidden until its code is typed (DEMO_CODES.presale).
    summary: "Three up-and-coming Berlin bands in the old boiler hall.",
    description: "Guitar bands from Berlin's rehearsal-room scene play short, loud sets in the Spreehalle's main room. An after-show DJ keeps the dance floor going until 2 am. Standing only.",
    imageAlt: "Illustration of musical notes on a vivid gradient",
    tickets: [t("Early bird", 1200, 100), t(GA, 1800, 250), { ...t("Members' presale", 900, 40), hidden: true }],
    sessions: [sat("20:00", 240), ahead(29, "20:00", 240)],
  },
  {
    slug: "candlelight-strings-four-seasons", title: "Candlelight Strings: The Four Seasons", category: "concert", venue: "friedrichshain", motif: "strings",
    summary: "Vivaldi by a string quartet, lit by hundreds of candles.",
    description: "A string quartet plays Vivaldi's Four Seasons and a short encore of film themes, surrounded by candles in the raw brick hall. The concert lasts about sixty-five minutes without an interval.",
    imageAlt: "Illustration of a violin and its bow",
    stock: "fewLeft",
    tickets: [t("Standard seat", 2900, 150), t("Premium seat", 4500, 60)],
    sessions: [ahead(8, "19:00", 65), ahead(36, "19:00", 65)],
  },
  {
    slug: "friedrichshain-street-food-thursday", title: "Street Food Thursday", category: "food", venue: "friedrichshain", motif: "market",
    summary: "Twenty food stalls and a craft beer bar, free to get in.",
    description: "Every Thursday the Spreehalle courtyard hosts Berlin's street food cooks, from Vietnamese bánh mì to Swabian Käsespätzle. Pay the stalls directly; entry is free. Covered seating if it rains.",
    imageAlt: "Illustration of a food stall with a striped awning",
    tickets: [t("Free entry", 0, 300)],
    sessions: [ahead(3, "17:00", 300), ahead(17, "17:00", 300), ahead(45, "17:00", 300)],
  },
  {
    slug: "berlin-techno-history-walk", title: "Berlin Techno History Walk", category: "tour", venue: "friedrichshain", motif: "compass",
    summary: "From the Wall to the warehouse: how techno shaped the city.",
    description: "A former club promoter walks you past the sites of legendary clubs along the Spree and tells the story of Berlin after 1989. The route is about four kilometres and ends at the Spreehalle bar.",
    imageAlt: "Illustration of a compass rose for a walking tour",
    tickets: [t("Walk ticket", 2200, 20)],
    sessions: [past(9, "15:00", 150), ahead(22, "15:00", 150)],
  },

  // --- Berlin · Neukölln · Töpferei am Kanal -------------------------------------------
  {
    slug: "pottery-wheel-hour", title: "Pottery Wheel Hour", category: "workshop", venue: "neukolln", motif: "pot",
    summary: "Book a wheel and a teacher for an hour of throwing clay by the canal.",
    description: "Try the potter's wheel with one-to-one guidance in a sunny canal-side studio. Beginners make a bowl or a cup; returning students can book two hours. Pieces are glazed and fired for collection two weeks later.",
    imageAlt: "Illustration of a clay vase standing on a potter's wheel",
    tickets: [], sessions: [],
    resource: { name: "Wheel with teacher", opens: "09:00", closes: "18:00", slotMinutes: 60, minMinutes: 60, maxMinutes: 120, priceMinorPerSlot: 3500 },
  },
  {
    slug: "ceramics-glazing-evening", title: "Ceramics Glazing Evening", category: "workshop", venue: "neukolln", motif: "pot",
    summary: "Glaze bisque-fired pots with a ceramicist, wine included.",
    description: "Choose a bisque-fired cup, plate or vase and decorate it with the studio's glazes under expert guidance. A glass of wine and some snacks keep the evening relaxed. Finished pieces are ready a week later.",
    imageAlt: "Illustration of a glazed vase with painted bands",
    tickets: [t("Workshop place", 4200, 12)],
    sessions: [ahead(2, "18:30", 150), ahead(30, "18:30", 150)],
  },
  {
    slug: "neukolln-canal-cycle-tour", title: "Neukölln Canal Cycle Tour", category: "tour", venue: "neukolln", motif: "bike",
    summary: "Bikes, canals and Turkish breakfast on a relaxed Sunday ride.",
    description: "An easy fifteen-kilometre ride along the Landwehrkanal and through Tempelhofer Feld, with a stop for breakfast at the Maybachufer market. Bikes and helmets are included; bring your own if you prefer and pay less.",
    imageAlt: "Illustration of a bicycle",
    tickets: [t("With rental bike", 3500, 14), t("Own bike", 2500, 10)],
    sessions: [sun("09:30", 210), ahead(25, "09:30", 210), ahead(53, "09:30", 210)],
  },
  {
    slug: "kinder-clay-club", title: "Kinder Clay Club", category: "family", venue: "neukolln", motif: "balloons",
    summary: "A messy morning of clay animals for children aged five to ten.",
    description: "Kids build animals and tiny houses from clay with a children's art teacher, while parents enjoy a coffee in the studio garden. Aprons are provided. One adult ticket per family is required.",
    imageAlt: "Illustration of three balloons on strings",
    tickets: [t("Child", 1800, 16), t("Accompanying adult", 0, 16)],
    sessions: [sat("10:00", 90), ahead(42, "10:00", 90)],
  },

  // --- London · Hackney · The Lantern Rooms --------------------------------------------
  {
    slug: "hackney-folk-club", title: "Hackney Folk Club", category: "concert", venue: "hackney", motif: "guitar",
    summary: "Folk songs old and new in a lamp-lit upstairs room.",
    description: "A monthly night of traditional and contemporary folk with a headline act and two floor spots. The room is small and the audience sings along. The bar serves local ales and a very good toastie.",
    imageAlt: "Illustration of an acoustic guitar",
    tickets: [t(GA, 1400, 70)],
    sessions: [today("19:30", 150), ahead(32, "19:30", 150)],
  },
  {
    slug: "lantern-rooms-late-comedy", title: "Lantern Rooms Late Comedy", category: "comedy", venue: "hackney", motif: "mic",
    summary: "Late-night stand-up with a secret headliner. Only a handful of seats left.",
    description: "The Lantern Rooms' late show starts at ten and features three comics working on new material, plus a headliner announced on the night. Past headliners have included TV panel-show regulars.",
    imageAlt: "Illustration of a microphone on a stand",
    stock: "fewLeft",
    tickets: [t(GA, 1300, 90), t("Sofa seat", 2000, 20)],
    sessions: [ahead(2, "22:00", 100), ahead(16, "22:00", 100)],
  },
  {
    slug: "sourdough-bread-workshop", title: "Sourdough Bread Workshop", category: "workshop", venue: "hackney", motif: "bread",
    summary: "Mix, shape and score a loaf, then take home your own starter.",
    description: "A Hackney baker explains the science of wild yeast and walks you through a full sourdough bake. You leave with a loaf, a jar of starter and a timetable that fits around work.",
    imageAlt: "Illustration of a scored loaf of bread",
    tickets: [t("Workshop place", 6500, 12)],
    sessions: [sun("10:00", 240), ahead(37, "10:00", 240)],
  },
  {
    slug: "hackney-wick-warehouse-festival", title: "Hackney Wick Warehouse Festival", category: "festival", venue: "hackney", motif: "fireworks",
    summary: "A weekend of open studios, bands and food across the Wick.",
    description: "Artists' studios opened their doors, bands played in the yards and the canal path turned into a food market. The festival has finished for this year; next year's dates will be announced soon.",
    imageAlt: "Illustration of fireworks bursting above a festival",
    tickets: [t("Day pass", 1500, 300)],
    sessions: [past(27, "12:00", 600), past(26, "12:00", 600)],
  },

  // --- London · Bermondsey · Bermondsey Arches -----------------------------------------
  {
    slug: "bermondsey-cheese-and-cider", title: "Bermondsey Cheese & Cider Tasting", category: "food", venue: "bermondsey", motif: "plate",
    summary: "British farmhouse cheeses paired with craft ciders under a railway arch.",
    description: "A cheesemonger and a cider maker pair eight British cheeses with five ciders and perries. Expect crumbly Lancashire, a washed-rind from Somerset and plenty of talk about apples.",
    imageAlt: "Illustration of a plate with three round bites between a fork and a knife",
    tickets: [t("Tasting seat", 4200, 30)],
    sessions: [today("18:30", 120), ahead(11, "18:30", 120), ahead(39, "18:30", 120)],
  },
  {
    slug: "southwark-ghost-walk", title: "Southwark Ghost Walk", category: "tour", venue: "bermondsey", motif: "lantern",
    summary: "Plague pits, prisons and pubs: Southwark's darkest stories by lantern light.",
    description: "A costumed guide leads you through the alleys between Bermondsey and the Borough, telling tales of the Clink prison, Winchester geese and the Cross Bones graveyard. Not suitable for under-12s.",
    imageAlt: "Illustration of a glowing lantern with a candle flame",
    tickets: [t("Adult", 1600, 30)],
    sessions: [past(4, "20:00", 90), ahead(5, "20:30", 90), ahead(34, "20:30", 90)],
  },
  {
    slug: "arches-supper-club", title: "The Arches Supper Club", category: "food", venue: "bermondsey", motif: "chef",
    summary: "A seven-course seasonal tasting menu at one long table.",
    description: "A rotating guest chef cooks a seasonal menu for thirty-two diners at a single long table. Dietary needs can be accommodated with notice. Wine pairing is available on the night.",
    imageAlt: "Illustration of a chef's hat and a pan",
    tickets: [t("Dinner seat", 7500, 32)],
    sessions: [ahead(26, "19:30", 180), ahead(54, "19:30", 180)],
  },

  // --- London · South Bank · Riverside Playhouse ---------------------------------------
  {
    slug: "the-tempest-riverside", title: "The Tempest", category: "theatre", venue: "southBank", motif: "mask",
    summary: "Shakespeare's island of magic in a stripped-back riverside production.",
    description: "A cast of seven brings The Tempest to the Playhouse's thrust stage with live music and a storm made of fabric and light. Running time is two hours and twenty minutes including an interval.",
    imageAlt: "Illustration of two theatre masks",
    tickets: [t("Stalls", 3200, 180), t("Balcony", 2200, 90), t("Under-26", 1200, 30)],
    sessions: [today("19:00", 140), ahead(8, "19:30", 140), ahead(22, "19:30", 140)],
  },
  {
    slug: "family-circus-sunday", title: "Family Circus Sunday", category: "family", venue: "southBank", motif: "circus",
    summary: "Juggling, acrobats and a clown who cannot stop sneezing.",
    description: "A fifty-minute circus show for all ages, followed by a half-hour workshop where children can try juggling and plate spinning. Ear defenders are available for sensitive ears.",
    imageAlt: "Illustration of a striped circus tent with a flag and juggling balls",
    tickets: [t("Adult", 1400, 120), t("Child", 900, 150)],
    sessions: [sun("14:00", 80), ahead(28, "14:00", 80), ahead(56, "14:00", 80)],
  },
  {
    slug: "thames-private-photo-walk", title: "Thames Private Photo Walk", category: "tour", venue: "southBank", motif: "camera",
    summary: "A photographer shows you the South Bank's best angles, just for your group.",
    description: "Walk the river from Waterloo Bridge to Tower Bridge with a professional photographer who helps with composition, light and phone or camera settings. Book from one to two hours.",
    imageAlt: "Illustration of a camera with a large lens",
    tickets: [], sessions: [],
    resource: { name: "Private photographer", opens: "08:00", closes: "20:00", slotMinutes: 30, minMinutes: 60, maxMinutes: 120, priceMinorPerSlot: 3000 },
  },
  {
    slug: "shadow-puppet-theatre", title: "Shadow Puppet Theatre: The Moon Fox", category: "family", venue: "southBank", motif: "moon",
    summary: "A wordless shadow-puppet fable for ages four and up.",
    description: "A fox who steals the moon must find a way to give it back. Paper silhouettes, coloured light and a live cello tell the story. Afterwards children can make their own shadow puppet to take home.",
    imageAlt: "Illustration of a fox silhouette in front of a large full moon",
    tickets: [t("Adult", 1200, 80), t("Child", 800, 100)],
    sessions: [sat("11:00", 60), ahead(43, "11:00", 60)],
  },
  {
    slug: "south-bank-choir-evening", title: "South Bank Community Choir Evening", category: "concert", venue: "southBank", motif: "notes",
    summary: "A hundred voices sing gospel, pop and sea shanties by the river.",
    description: "The Playhouse's community choir presents its seasonal concert, with arrangements of gospel, soul, pop and a shanty or two. The last song always invites the audience to join in.",
    imageAlt: "Illustration of rising musical notes",
    tickets: [t(GA, 1000, 200), t("Child", 500, 60)],
    sessions: [ahead(50, "19:00", 100), ahead(78, "19:00", 100)],
  },
  {
    slug: "london-sketching-by-the-river", title: "Urban Sketching by the River", category: "workshop", venue: "southBank", motif: "brush",
    summary: "Pens, watercolours and the view from the Playhouse terrace.",
    description: "An illustrator teaches quick perspective tricks and loose watercolour washes, then sends you out to sketch the river and bridges. All materials are provided; no experience needed.",
    imageAlt: "Illustration of a paintbrush and a sweeping watercolour stroke",
    tickets: [t("Workshop place", 3800, 16)],
    sessions: [past(13, "10:00", 180), ahead(18, "10:00", 180), ahead(88, "10:00", 180)],
  },
  {
    slug: "gracia-cinema-quiz-night", title: "Cinema Quiz Night", category: "comedy", venue: "gracia", motif: "film",
    summary: "A film trivia night with a comedian host and prizes in popcorn.",
    description: "Teams of up to six answer rounds on classic, cult and Catalan cinema, hosted by a stand-up with strong opinions. The winning team takes home a pair of cinema passes.",
    imageAlt: "Illustration of a film reel unspooling a strip of film",
    tickets: [t("Team member", 600, 120)],
    sessions: [ahead(52, "20:30", 150), ahead(110, "20:30", 150)],
  },
  {
    slug: "lisbon-tram-28-history-ride", title: "Tram 28 History Ride", category: "tour", venue: "saoBento", motif: "tram",
    summary: "Ride the famous yellow tram with a historian and hop off at four stops.",
    description: "Starting from São Bento, a historian rides the tram 28 route with you, stopping at Estrela, Graça and the Sé to tell the stories behind the streets. The ticket includes a day pass for the tram.",
    imageAlt: "Illustration of a yellow tram on rails",
    tickets: [t("Adult", 2400, 20), t("Child (6-12)", 1200, 10)],
    sessions: [ahead(64, "10:00", 180), ahead(95, "10:00", 180)],
  },

  // --- Drafts and a cancelled event ---------------------------------------------------------
  {
    slug: "cellar-door-wine-walk", title: "Cellar Door Wine Walk", category: "food", venue: "alfama", motif: "wine", status: "draft",
    summary: "Three hidden wine bars in Alfama with a sommelier guide.",
    description: "A draft listing for a walking tasting through Alfama's small wine bars. Dates and prices still to be confirmed with the partner bars.",
    imageAlt: "Illustration of a glass of wine",
    tickets: [t("Walk ticket", 3500, 16)],
    sessions: [ahead(70, "18:00", 150)],
  },
  {
    slug: "spreehalle-winter-market", title: "Spreehalle Winter Market", category: "festival", venue: "friedrichshain", motif: "market", status: "draft",
    summary: "Mulled wine, crafts and carols in the boiler hall.",
    description: "A draft listing for a winter market with sixty craft stalls, mulled wine and a choir on Sundays. The stall list is being finalised.",
    imageAlt: "Illustration of a market stall with a striped awning",
    tickets: [t("Free entry", 0, 300)],
    sessions: [ahead(100, "12:00", 480), ahead(101, "12:00", 480)],
  },
  {
    slug: "cinema-a-la-fresca-gracia", title: "Cinema a la Fresca in Gràcia", category: "festival", venue: "gracia", motif: "film", status: "cancelled",
    summary: "Open-air cinema in the plaça, cancelled this year.",
    description: "The summer open-air cinema in Plaça de la Virreina has been cancelled because of works on the square. Ticket holders have been refunded in full.",
    imageAlt: "Illustration of a film reel",
    tickets: [t(GA, 500, 200)],
    sessions: [ahead(15, "22:00", 120), ahead(45, "22:00", 120)],
  },
];

/** What the image script needs: one illustration per event. */
export const DEMO_EVENT_IMAGES: ReadonlyArray<{ slug: string; imagePath: string; category: DemoCategory; motif: Motif }> =
  EVENTS.map((e) => ({ slug: e.slug, imagePath: imagePathFor(e.slug), category: e.category, motif: e.motif }));

function imagePathFor(slug: string): string {
  return `/images/events/${slug}.webp`;
}

// ---------------------------------------------------------------------------------------
// Deterministic helpers

/** A name-based UUID (SHA-1, version 5 layout), so the same name always gets the same id. */
function demoId(name: string): string {
  const hex = createHash("sha1").update(`local-tickets-demo:${name}`).digest("hex").slice(0, 32).split("");
  hex[12] = "5";
  hex[16] = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A number in [0, 1) from a key (FNV-1a then a mulberry32 round). */
function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let x = (h + 0x6d2b79f5) | 0;
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

// ---------------------------------------------------------------------------------------
// Time zones without a library: Intl gives the wall clock of an instant in a zone.

type LocalDate = { y: number; m: number; d: number };
type WallClock = LocalDate & { minute: number; weekday: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function wallClock(instant: number, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", weekday: "short",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(instant))) parts[part.type] = part.value;
  return {
    y: Number(parts.year), m: Number(parts.month), d: Number(parts.day),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? "Sun"] ?? 0,
  };
}

/** Offset of local wall time from UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const floored = Math.floor(instant / 60000) * 60000;
  const w = wallClock(floored, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, 0, w.minute) - floored;
}

/** The instant when the wall clock in `timeZone` shows `minute` on `date`. */
function zonedInstant(date: LocalDate, minute: number, timeZone: string): number {
  const asUtc = Date.UTC(date.y, date.m - 1, date.d, 0, minute);
  let instant = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(instant, timeZone);
  if (second !== instant) instant = second;
  return instant;
}

function addDays(date: LocalDate, days: number): LocalDate {
  const x = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

// ---------------------------------------------------------------------------------------
// Placing sessions

const MINUTE = 60_000;
const GAP = 30 * MINUTE; // changeover between sessions at one venue

type Placed = { start: number; end: number };

function planSessionStart(spec: SessionSpec, now: number, timeZone: string): { date: LocalDate; start: number } {
  const local = wallClock(now, timeZone);
  const todayDate: LocalDate = { y: local.y, m: local.m, d: local.d };
  const minute = minutesOf(spec.at);
  // The coming weekend: the next Saturday strictly after today (so it never overlaps "today").
  const toSaturday = ((6 - local.weekday + 7) % 7) || 7;
  switch (spec.when) {
    case "past": {
      const date = addDays(todayDate, -spec.day);
      return { date, start: zonedInstant(date, minute, timeZone) };
    }
    case "today": {
      let start = zonedInstant(todayDate, minute, timeZone);
      // Late in the day: start half an hour from now (rounded to 15 minutes) instead.
      const earliest = Math.ceil((now + GAP) / (15 * MINUTE)) * 15 * MINUTE;
      if (start < earliest) start = earliest;
      return { date: todayDate, start };
    }
    case "saturday":
    case "sunday": {
      const date = addDays(todayDate, toSaturday + (spec.when === "sunday" ? 1 : 0));
      return { date, start: zonedInstant(date, minute, timeZone) };
    }
    case "ahead": {
      const date = addDays(todayDate, spec.day);
      return { date, start: zonedInstant(date, minute, timeZone) };
    }
    case "weekday": {
      const toWeekday = ((spec.weekday! - local.weekday + 7) % 7) || 7;
      const date = addDays(todayDate, toWeekday + 7 * spec.day);
      return { date, start: zonedInstant(date, minute, timeZone) };
    }
  }
}

/** Moves a session until it overlaps nothing already placed at its venue (with a changeover gap). */
function placeSession(spec: SessionSpec, now: number, timeZone: string, taken: Placed[]): Placed {
  const duration = spec.minutes * MINUTE;
  const planned = planSessionStart(spec, now, timeZone);
  let date = planned.date;
  let start = planned.start;
  for (let attempt = 0; attempt < 200; attempt++) {
    const end = start + duration;
    const clash = taken.find((p) => start < p.end + GAP && p.start < end + GAP);
    if (!clash) return { start, end };
    if (spec.when === "past") {
      // Stay in the past: same time, one day earlier.
      date = addDays(date, -1);
      start = zonedInstant(date, minutesOf(spec.at), timeZone);
      continue;
    }
    if (spec.when === "weekday") {
      // Stay on its weekday: same time, a week later.
      date = addDays(date, 7);
      start = zonedInstant(date, minutesOf(spec.at), timeZone);
      continue;
    }
    start = clash.end + GAP;
    const wall = wallClock(start, timeZone);
    const sameDay = wall.y === date.y && wall.m === date.m && wall.d === date.d;
    if (spec.when !== "today" && (!sameDay || wall.minute > 22 * 60 + 30)) {
      date = addDays(date, 1);
      start = zonedInstant(date, minutesOf(spec.at), timeZone);
    }
  }
  throw new Error(`seedDemoData: could not place a session at ${spec.at} without overlaps`);
}

function soldFor(stock: Stock, capacity: number, key: string): number {
  switch (stock) {
    case "soldOut":
      return capacity;
    case "fewLeft":
      // Fewer than 10% left: 3-7% of the places, at least one.
      return capacity - Math.max(1, Math.floor(capacity * (0.03 + 0.04 * unit(key))));
    case "normal":
      return Math.floor(capacity * (0.05 + 0.5 * unit(key)));
  }
}

// ---------------------------------------------------------------------------------------
// Names in every language, and the sales behind the "sold" figures

/** A ticket type's name in its event's language (`name`) and in the others (`nameTranslations`). */
function ticketTypeNames(english: string, language: Locale): { name: string; nameTranslations: Partial<Record<Locale, string>> } {
  const all: Partial<Record<Locale, string>> = { en: english, ...DEMO_TICKET_TYPE_NAMES[english] };
  const name = all[language] ?? english;
  return { name, nameTranslations: Object.fromEntries(Object.entries(all).filter(([locale]) => locale !== language)) };
}

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Order references are Crockford base32 (lib/orders/codes.ts); short codes as lib/tickets/short-code.ts spells them. */
const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `length` characters of `alphabet` from a key: the same key always gives the same text. */
function textFromKey(key: string, alphabet: string, length: number): string {
  const bytes = createHash("sha256").update(`local-tickets-demo:${key}`).digest();
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

type SoldType = { id: string; eventId: string; sessionId: string; startsAt: number; priceMinor: number; currency: string; sold: number };
type DemoBuyer = { id: string; email: string; name: string; locale: Locale };

/**
 * Paid orders that add up to every ticket type's `sold` (one to four tickets each, paid over
 * the weeks before the session, or before now), their tickets, and, for sessions that have
 * started, check-ins at the door for most tickets (the rest are the no-shows).
 */
function planSales(types: SoldType[], buyers: DemoBuyer[], staff: { id: string; email: string }, now: number) {
  const orders: Array<{
    id: string; reference: string; userId: string | null; buyerEmail: string; buyerName: string; eventId: string; status: "paid"; totalMinor: number; currency: string;
    holdExpiresAt: Date; paymentProvider: string; paymentRef: string | null; createdAt: Date; paidAt: Date; locale: Locale;
  }> = [];
  const items: Array<{ id: string; orderId: string; ticketTypeId: string; quantity: number; unitPriceMinor: number; status: "sold" }> = [];
  const tickets: Array<{ id: string; orderId: string; ticketTypeId: string; code: string; shortCode: string; holderName: string; createdAt: Date }> = [];
  const checkIns: Array<{ id: string; ticketId: string; sessionId: string; staffId: string; staffEmail: string; door: string; scannedAt: Date; createdAt: Date }> = [];
  for (const type of types) {
    const lastSale = Math.min(now - HOUR, type.startsAt - 2 * HOUR);
    for (let left = type.sold, k = 0; left > 0; k++) {
      const key = `${type.id}:${k}`;
      const quantity = Math.min(left, 1 + Math.floor(unit(`quantity:${key}`) * 4));
      left -= quantity;
      const buyer = buyers[Math.floor(unit(`buyer:${key}`) * buyers.length)];
      // More sales close to the date than weeks before it.
      const paidAt = new Date(Math.floor((lastSale - unit(`paid:${key}`) ** 1.6 * 40 * DAY) / 1000) * 1000);
      const orderId = demoId(`order:${key}`);
      const free = type.priceMinor === 0;
      // About one sale in five is a guest's: an email and a name, no account (issue 27).
      const guest = unit(`guest:${key}`) < 0.2;
      const guestEmail = `${buyer.email.split("@")[0]}.guest@guests.example`;
      orders.push({
        id: orderId, reference: `LT-${textFromKey(`reference:${key}`, REFERENCE_ALPHABET, 8)}`, userId: guest ? null : buyer.id,
        buyerEmail: guest ? guestEmail : buyer.email.toLowerCase(), buyerName: buyer.name, eventId: type.eventId, status: "paid",
        totalMinor: quantity * type.priceMinor, currency: type.currency, holdExpiresAt: new Date(paidAt.getTime() + 8 * MINUTE),
        paymentProvider: free ? "free" : "local", paymentRef: free ? null : `demo-${orderId.slice(0, 8)}`,
        createdAt: new Date(paidAt.getTime() - 2 * MINUTE), paidAt, locale: buyer.locale,
      });
      items.push({ id: demoId(`order-item:${key}`), orderId, ticketTypeId: type.id, quantity, unitPriceMinor: type.priceMinor, status: "sold" });
      for (let i = 0; i < quantity; i++) {
        const ticketId = demoId(`sold-ticket:${key}:${i}`);
        tickets.push({
          id: ticketId, orderId, ticketTypeId: type.id, holderName: buyer.name, createdAt: paidAt,
          code: createHash("sha256").update(`local-tickets-demo:code:${ticketId}`).digest("base64url").slice(0, 27),
          shortCode: textFromKey(`short-code:${ticketId}`, SHORT_CODE_ALPHABET, 10),
        });
        // A session under way or over: most came in, from half an hour before the start.
        if (type.startsAt <= now && unit(`came:${ticketId}`) < 0.86) {
          const scannedAt = new Date(Math.min(now - MINUTE, type.startsAt - 30 * MINUTE + Math.floor(unit(`door:${ticketId}`) * 60) * MINUTE));
          checkIns.push({
            id: demoId(`check-in:${ticketId}`), ticketId, sessionId: type.sessionId, staffId: staff.id, staffEmail: staff.email,
            door: unit(`which-door:${ticketId}`) < 0.7 ? "Main door" : "Side door", scannedAt, createdAt: scannedAt,
          });
        }
      }
    }
  }
  return { orders, items, tickets, checkIns };
}

// ---------------------------------------------------------------------------------------
// The seed

/**
 * `onSaleInMinutes`: when the demo's scheduled on-sale (the South Bank choir evening) opens,
 * after `now` (default 5: a new user sees the countdown and the line; the e2e suite sets it
 * longer with DEMO_ON_SALE_IN_MINUTES so the line is still before its opening when its spec runs).
 */
export async function seedDemoData(prisma: PrismaClient, options: { now: Date; onSaleInMinutes?: number; payments?: DemoPayments }): Promise<{ events: number }> {
  const onSaleInMs = (options.onSaleInMinutes ?? 5) * 60_000;
  const now = options.now.getTime();
  if (!Number.isFinite(now)) throw new Error("seedDemoData: options.now is not a valid date");

  const users = await Promise.all(
    DEMO_LOGINS.map(async (login) => ({
      id: demoId(`user:${login.email}`),
      email: login.email.toLowerCase(),
      name: login.name,
      role: login.role,
      passwordHash: await bcrypt.hash(login.password, 10),
      // The demo logins are ready to use: verified, so no banner asks them to confirm their email.
      emailVerifiedAt: options.now,
    })),
  );

  // The demo's buyers cannot sign in: one random password nobody knows (one bcrypt round for all).
  const buyerPasswordHash = await bcrypt.hash(randomBytes(24).toString("base64url"), 10);
  const buyers = DEMO_BUYERS.map((buyer) => {
    const email = `${buyer.name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]+/g, ".")}@buyers.example`;
    return { id: demoId(`buyer:${email}`), email, name: buyer.name, role: "attendee" as const, passwordHash: buyerPasswordHash, locale: buyer.locale };
  });

  const venueKeys = Object.keys(VENUES) as VenueKey[];
  const venueIds = new Map(venueKeys.map((key) => [key, demoId(`venue:${key}`)]));
  const venueId = (key: VenueKey): string => venueIds.get(key) ?? demoId(`venue:${key}`);

  // Three local hosts run venues of Lisbon, Barcelona and Berlin and their events; London's stay the platform's (seed-demo-hosts.ts).
  const hostRows = DEMO_HOSTS.map((host) => ({ id: demoId(`host:${host.slug}`), slug: host.slug, name: host.name, city: host.city, story: host.story, photoPath: host.photoPath, translations: host.translations, ...demoHostStripe(host, options.payments) }));
  const hostOfVenue = (venue: { city: string; neighbourhood: string }): string | undefined => {
    const host = demoHostOfVenue(venue);
    return host ? demoId(`host:${host.slug}`) : undefined;
  };
  const hostUsers = await Promise.all(
    DEMO_HOST_LOGINS.map(async (login) => ({
      id: demoId(`user:${login.email}`), email: login.email, name: login.name, role: "attendee" as const,
      passwordHash: await bcrypt.hash(login.password, 10), emailVerifiedAt: options.now,
    })),
  );
  const memberRows = DEMO_HOST_LOGINS.map((login) => ({ hostId: demoId(`host:${login.host}`), userId: demoId(`user:${login.email}`), role: login.hostRole }));

  const venueRows = venueKeys.map((key) => ({ id: venueId(key), ...VENUES[key], ...(hostOfVenue(VENUES[key]) ? { hostId: hostOfVenue(VENUES[key]) } : {}) }));

  const eventRows = EVENTS.map((e) => {
    const venue = VENUES[e.venue];
    const { activityId = null, minAge = null, maxAge = null } = OPEN_DATA_BY_SLUG[e.slug] ?? {};
    return {
      id: demoId(`event:${e.slug}`),
      slug: e.slug,
      // Written in its city's language where seed-demo-translations.ts says so (English is then a translation).
      title: DEMO_ORIGINALS[e.slug]?.title ?? e.title,
      summary: DEMO_ORIGINALS[e.slug]?.summary ?? e.summary,
      description: DEMO_ORIGINALS[e.slug]?.description ?? e.description,
      language: DEMO_ORIGINALS[e.slug]?.language ?? "en",
      category: e.category,
      city: venue.city,
      neighbourhood: venue.neighbourhood,
      imagePath: imagePathFor(e.slug),
      imageAlt: e.imageAlt,
      status: e.status ?? "published",
      venueId: venueId(e.venue),
      ...(hostOfVenue(venue) ? { hostId: hostOfVenue(venue) } : {}),
      activityId,
      minAge,
      maxAge,
      ...DEMO_CANCELLATION[e.slug],
      meetingPoint: DEMO_MEETING_POINTS[e.slug] ?? null,
    };
  });

  const sessionRows: Array<{ id: string; eventId: string; venueId: string; startsAt: Date; endsAt: Date; cancelled: boolean }> = [];
  const ticketRows: Array<{
    id: string; sessionId: string; name: string; nameTranslations: Partial<Record<Locale, string>>; description: string; priceMinor: number;
    currency: string; capacity: number; sold: number; sortOrder: number; hidden: boolean; salesStart: Date | null;
  }> = [];
  const soldTypes: SoldType[] = [];
  // Which event and English name each ticket type has: the demo's questions name types so.
  const typeSlug = new Map<string, string>();
  const typeEnglishName = new Map<string, string>();
  const resourceRows: Array<{
    id: string; eventId: string; venueId: string; name: string; opensMinute: number; closesMinute: number;
    slotMinutes: number; minMinutes: number; maxMinutes: number; priceMinorPerSlot: number; currency: string;
  }> = [];

  const takenByVenue = new Map<VenueKey, Placed[]>();
  for (const e of EVENTS) {
    const eventId = demoId(`event:${e.slug}`);
    const venue = VENUES[e.venue];
    const taken = takenByVenue.get(e.venue) ?? [];
    takenByVenue.set(e.venue, taken);
    e.sessions.forEach((spec, s) => {
      const placed = placeSession(spec, now, venue.timeZone, taken);
      taken.push(placed);
      const sessionId = demoId(`session:${e.slug}:${s}`);
      sessionRows.push({
        id: sessionId, eventId, venueId: venueId(e.venue),
        startsAt: new Date(placed.start), endsAt: new Date(placed.end),
        cancelled: e.status === "cancelled",
      });
      const stock: Stock = spec.stock ?? e.stock ?? "normal";
      const language = DEMO_ORIGINALS[e.slug]?.language ?? "en";
      e.tickets.forEach((ticket, k) => {
        const id = demoId(`ticket:${e.slug}:${s}:${k}`);
        // Past sessions look like they happened: mostly sold. Drafts never sold; a cancelled
        // event's buyers were refunded and its places given back.
        // One on-sale opens five minutes after the demo starts (issue 28): its countdown and line, nothing sold yet.
        const opensSoon = e.slug === "south-bank-choir-evening";
        const sold = e.status === "draft" || e.status === "cancelled" || opensSoon
          ? 0
          : spec.when === "past" && stock === "normal"
            ? Math.floor(ticket.capacity * (0.7 + 0.3 * unit(`${e.slug}:${s}:${k}`)))
            : soldFor(stock, ticket.capacity, `${e.slug}:${s}:${k}`);
        typeSlug.set(id, e.slug);
        typeEnglishName.set(id, ticket.name);
        ticketRows.push({
          id, sessionId, ...ticketTypeNames(ticket.name, language),
          description: ticket.description ?? "", priceMinor: ticket.priceMinor, currency: currencyOf(venue),
          capacity: ticket.capacity, sold, sortOrder: k, hidden: ticket.hidden ?? false, salesStart: opensSoon ? new Date(now + onSaleInMs) : null,
        });
        if (sold > 0) soldTypes.push({ id, eventId, sessionId, startsAt: placed.start, priceMinor: ticket.priceMinor, currency: currencyOf(venue), sold });
      });
    });
    if (e.resource) {
      const r = e.resource;
      resourceRows.push({
        id: demoId(`resource:${e.slug}`), eventId, venueId: venueId(e.venue), name: r.name,
        opensMinute: minutesOf(r.opens), closesMinute: minutesOf(r.closes), slotMinutes: r.slotMinutes,
        minMinutes: r.minMinutes, maxMinutes: r.maxMinutes, priceMinorPerSlot: r.priceMinorPerSlot, currency: currencyOf(venue),
      });
    }
  }

  const translationRows = EVENTS.flatMap((e) => {
    const original = DEMO_ORIGINALS[e.slug];
    if (!original) return [];
    const eventId = demoId(`event:${e.slug}`);
    return [
      { eventId, locale: "en", title: e.title, summary: e.summary, description: e.description },
      ...Object.entries(original.more ?? {}).map(([locale, text]) => ({ eventId, locale, ...text })),
    ];
  });

  const questionRows = demoQuestionRows({
    eventId: (slug) => demoId(`event:${slug}`),
    typeIds: (slug, name) => ticketRows.filter((row) => typeSlug.get(row.id) === slug && typeEnglishName.get(row.id) === name).map((row) => row.id),
    id: demoId,
  });

  const boxOffice = demoBoxOfficeRows({
    id: demoId,
    eventId: (slug) => demoId(`event:${slug}`),
    lisbonEventIds: EVENTS.filter((e) => VENUES[e.venue].city === "Lisbon" && (e.status ?? "published") === "published").map((e) => demoId(`event:${e.slug}`)),
    typeIds: (slug, name) => ticketRows.filter((row) => typeSlug.get(row.id) === slug && typeEnglishName.get(row.id) === name).map((row) => row.id),
  });

  const admin = users.find((user) => user.role === "admin")!;
  const sales = planSales(soldTypes, buyers, admin, now);
  const sessionOfTicketType = new Map(ticketRows.map((row) => [row.id, row.sessionId]));
  const sessionStarts = new Map(sessionRows.map((row) => [row.id, row.startsAt.getTime()]));
  const attendeeWord = demoAttendeeWordRows({
    id: demoId,
    now,
    messageEventId: demoId(`event:${DEMO_MESSAGE.slug}`),
    messageSessionId: demoId(`session:${DEMO_MESSAGE.slug}:0`),
    orders: sales.orders,
    tickets: sales.tickets,
    sessionOfType: (ticketTypeId) => {
      const id = sessionOfTicketType.get(ticketTypeId)!;
      return { id, startsAt: sessionStarts.get(id)! };
    },
    authorId: admin.id,
  });

  await prisma.$transaction(
    async (tx) => {
      await tx.host.createMany({ data: hostRows });
      await tx.user.createMany({ data: [...users, ...hostUsers, ...buyers.map((buyer) => ({ id: buyer.id, email: buyer.email, name: buyer.name, role: buyer.role, passwordHash: buyer.passwordHash }))] });
      await tx.hostMember.createMany({ data: memberRows });
      await seedDemoInvitations(tx, { id: demoId, now, inviterName: DEMO_HOST_LOGINS.find((login) => login.email === DEMO_INVITATION.invitedBy)?.name ?? "Alfama Nights" });
      await tx.venue.createMany({ data: venueRows });
      await tx.event.createMany({ data: eventRows });
      await tx.eventTranslation.createMany({ data: translationRows });
      await tx.eventSession.createMany({ data: sessionRows });
      await tx.ticketType.createMany({ data: ticketRows });
      await tx.resource.createMany({ data: resourceRows });
      await tx.eventQuestion.createMany({ data: questionRows });
      // A code is its events' host's (issue 30): Lisbon's promo is Alfama Nights', the Spreehalle presale the platform's.
      const hostOfEvent = new Map(eventRows.map((row) => [row.id, row.hostId]));
      await tx.voucher.createMany({ data: boxOffice.vouchers.map((voucher) => ({ ...voucher, ...(hostOfEvent.get(voucher.eventIds[0]) ? { hostId: hostOfEvent.get(voucher.eventIds[0]) } : {}) })) });
      await tx.priceTier.createMany({ data: boxOffice.priceTiers });
      await tx.order.createMany({ data: sales.orders });
      await tx.orderItem.createMany({ data: sales.items });
      // The connected hosts' payouts (docs/decisions/0020): each local payment's ledger rows, as the
      // local provider writes them when an order is paid, dated when it was paid.
      await tx.$executeRaw`SELECT ledger_record_payment(o.id) FROM orders o WHERE o.payment_provider = 'local' AND o.status = 'paid'`;
      await tx.$executeRaw`UPDATE ledger_entries l SET created_at = o.paid_at FROM orders o WHERE o.id = l.order_id AND o.paid_at IS NOT NULL`;
      await tx.ticket.createMany({ data: sales.tickets });
      await tx.checkIn.createMany({ data: sales.checkIns });
      await tx.attendeeMessage.createMany({ data: attendeeWord.messages });
      await tx.attendeeMessageRecipient.createMany({ data: attendeeWord.recipients });
      await tx.ticketReminder.createMany({ data: attendeeWord.reminders });
      // The sold-out cellar's next show: its first session in time.
      const waitlistType = ticketRows
        .filter((row) => typeSlug.get(row.id) === DEMO_WAITLIST.slug && typeEnglishName.get(row.id) === DEMO_WAITLIST.typeName)
        .map((row) => ({ row, startsAt: sessionRows.find((session) => session.id === row.sessionId)!.startsAt.getTime() }))
        .filter((candidate) => candidate.startsAt > now)
        .sort((a, b) => a.startsAt - b.startsAt)[0]?.row;
      if (waitlistType) await seedDemoWaitlist(tx, { eventId: demoId(`event:${DEMO_WAITLIST.slug}`), ticketTypeId: waitlistType.id, id: demoId, now });
      await seedDemoRangeWaitlist(tx, { eventId: demoId(`event:${DEMO_RANGE_WAITLIST.slug}`), resourceId: demoId(`resource:${DEMO_RANGE_WAITLIST.slug}`), buyer: buyers[0], id: demoId, now });
    },
    { maxWait: 10_000, timeout: 60_000 },
  );

  return { events: eventRows.length };
}
