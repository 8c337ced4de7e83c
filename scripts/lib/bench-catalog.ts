// A large, varied catalogue for benchmarks, inserted with set-based SQL (seconds, not
// minutes): venues in seven cities and five time zones, events of every category with
// word-salad titles and descriptions, 1-4 sessions each spread from a month ago to six
// months ahead, 1-3 ticket types per session (some free, some sold out), a few bookable
// experiences, drafts and cancelled events. Deterministic for a given `now`.
import type pg from "pg";

const CITIES = [
  { city: "Lisbon", zone: "Europe/Lisbon", hoods: ["Alfama", "Baixa", "Bairro Alto", "Graça", "Belém", "Mouraria"] },
  { city: "Porto", zone: "Europe/Lisbon", hoods: ["Ribeira", "Bonfim", "Cedofeita", "Foz do Douro", "São Bento"] },
  { city: "Barcelona", zone: "Europe/Madrid", hoods: ["Gràcia", "El Born", "Raval", "Poblenou", "Sants", "Barceloneta"] },
  { city: "Berlin", zone: "Europe/Berlin", hoods: ["Kreuzberg", "Neukölln", "Mitte", "Friedrichshain", "Prenzlauer Berg", "Wedding"] },
  { city: "London", zone: "Europe/London", hoods: ["Hackney", "Shoreditch", "Brixton", "Camden", "Peckham", "Soho"] },
  { city: "New York", zone: "America/New_York", hoods: ["Brooklyn", "Harlem", "Astoria", "Williamsburg", "Chelsea"] },
  { city: "Tokyo", zone: "Asia/Tokyo", hoods: ["Shibuya", "Shimokitazawa", "Asakusa", "Koenji", "Nakameguro"] },
];

const VENUE_WORDS = ["Hall", "Café", "Cellar", "Rooms", "Garden", "Warehouse", "Theatre", "Club", "Studio", "Terrace", "Yard", "Loft"];
const VENUE_NAMES = ["Lantern", "Blue Door", "Mercado", "Old Mill", "Sirius", "Harbour", "Jardim", "Kiosk", "Orbit", "Fábrica", "Velvet", "Corner"];

const KINDS: Record<string, string[]> = {
  concert: ["Jazz Night", "Piano Recital", "Indie Gig", "Choir Concert", "Fado Evening", "String Quartet", "Soul Revue", "Techno Live Set"],
  festival: ["Jazz Festival", "Street Food Festival", "Film Festival", "Folk Festival", "Light Festival", "Beer Festival"],
  comedy: ["Comedy Cellar", "Stand-up Showcase", "Improv Jam", "Late Comedy", "Sketch Night"],
  workshop: ["Pottery Workshop", "Screen Printing Class", "Bread Baking Workshop", "Watercolour Session", "Bookbinding Workshop"],
  tour: ["Walking Tour", "Street Art Tour", "Night Bike Tour", "Architecture Walk", "Market Tour"],
  food: ["Wine Tasting", "Supper Club", "Tapas Crawl", "Natural Wine Bar Night", "Cheese and Cider Tasting", "Open Kitchen"],
  theatre: ["Puppet Theatre", "Shakespeare in the Park", "New Writing Night", "Physical Theatre", "Opera in Miniature"],
  family: ["Family Science Morning", "Kids Circus School", "Storytelling for Children", "Family Disco", "Little Makers Club"],
};
const ADJECTIVES = ["Midnight", "Golden", "Secret", "Riverside", "Rooftop", "Winter", "Summer", "Electric", "Quiet", "Velvet", "Open-Air", "Candlelit", "Sunday", "Neighbourhood", "Underground", "Little", "Grand", "Café"];
const PHRASES = [
  "an evening of music and good company",
  "local artists share the stage with guests from abroad",
  "bring friends and arrive early for the best seats",
  "drinks and small plates are served from the bar",
  "the programme changes every week",
  "suitable for beginners and curious newcomers",
  "hosted by a neighbourhood collective",
  "step-free access and a quiet room are available",
  "tickets include a welcome drink",
  "expect improvisation, surprises and a late finish",
  "a cosy room with a wonderful piano",
  "the café opens one hour before the doors",
  "all materials are included in the price",
  "listen to stories of the old harbour",
  "meet the makers and taste their work",
  "children under twelve go free with an adult",
];

export async function generateCatalog(client: pg.Client, options: { events: number; venues: number; now: Date }): Promise<{ events: number; sessions: number; ticketTypes: number }> {
  // Word lists travel as parameters (text[] and jsonb), like any other value.
  await client.query(`
    CREATE TEMP TABLE bench_cities AS
      SELECT ordinality - 1 AS n, c->>'city' AS city, c->>'zone' AS zone, ARRAY(SELECT jsonb_array_elements_text(c->'hoods')) AS hoods
        FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(c, ordinality)`, [JSON.stringify(CITIES)]);

  await client.query(`
    INSERT INTO venues (name, address, city, neighbourhood, time_zone, latitude, longitude)
    SELECT ($2::text[])[1 + (g * 7) % cardinality($2::text[])] || ' ' || ($3::text[])[1 + (g * 5) % cardinality($3::text[])] || ' ' || g,
           'Street ' || g, c.city, c.hoods[1 + (g / 7) % array_length(c.hoods, 1)], c.zone, NULL, NULL
      FROM generate_series(0, $1 - 1) AS g
      JOIN bench_cities c ON c.n = g % (SELECT count(*) FROM bench_cities)`, [options.venues, VENUE_NAMES, VENUE_WORDS]);

  await client.query(`CREATE TEMP TABLE bench_venues AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM venues`);
  await client.query(`
    INSERT INTO events (slug, title, summary, description, category, city, neighbourhood, image_path, image_alt, status, venue_id)
    SELECT 'bench-' || g,
           ($3::text[])[1 + (g * 13) % cardinality($3::text[])] || ' ' || (kinds ->> ((g / 8) % jsonb_array_length(kinds))),
           initcap(($4::text[])[1 + (g * 3) % cardinality($4::text[])]) || '.',
           (SELECT string_agg(($4::text[])[1 + ((g * 7 + k * 11) % cardinality($4::text[]))], '. ') FROM generate_series(1, 3 + g % 5) AS k) || '.',
           category::category, v.city, v.neighbourhood,
           '/images/events/placeholder.webp', '',
           (CASE WHEN g % 20 = 1 THEN 'draft' WHEN g % 50 = 7 THEN 'cancelled' ELSE 'published' END)::event_status,
           v.id
      FROM generate_series(0, $1 - 1) AS g
      JOIN bench_venues v ON v.n = g % $2
      CROSS JOIN (SELECT ARRAY(SELECT jsonb_object_keys($5::jsonb) ORDER BY 1) AS categories) cs
      CROSS JOIN LATERAL (SELECT cs.categories[1 + g % cardinality(cs.categories)] AS category) c
      CROSS JOIN LATERAL (SELECT $5::jsonb -> c.category AS kinds) kk`,
    [options.events, options.venues, ADJECTIVES, PHRASES, JSON.stringify(KINDS)]);

  // Sessions: slot k of a venue starts 30 hours after slot k-1, so a venue never hosts two
  // overlapping sessions; bookable experiences (every 33rd event) get a resource instead.
  await client.query(`
    CREATE TEMP TABLE bench_events AS
      SELECT e.id, e.venue_id, e.status, (substring(e.slug FROM 7))::int AS g FROM events e WHERE e.slug LIKE 'bench-%'`);
  await client.query(`
    INSERT INTO event_sessions (event_id, venue_id, starts_at, ends_at, cancelled)
    SELECT be.id, be.venue_id,
           $1::timestamptz - interval '30 days' + ((be.g / $2) * 4 + j) * interval '30 hours',
           $1::timestamptz - interval '30 days' + ((be.g / $2) * 4 + j) * interval '30 hours' + interval '2 hours' + (be.g % 3) * interval '30 minutes',
           be.status = 'cancelled' OR (be.g + j) % 97 = 0
      FROM bench_events be
      CROSS JOIN LATERAL generate_series(0, be.g % 4) AS j
     WHERE be.g % 33 <> 0`, [options.now, options.venues]);
  await client.query(`
    INSERT INTO resources (event_id, venue_id, name, opens_minute, closes_minute, slot_minutes, min_minutes, max_minutes, price_minor_per_slot)
    SELECT be.id, be.venue_id, 'Host', 540, 1080, 30, 60, 180, 1000 + (be.g % 5) * 500 FROM bench_events be WHERE be.g % 33 = 0`);

  // Ticket types in bulk with the remaining-sync trigger off, then one set-based update of
  // the stored session totals (what the trigger would have written row by row).
  // Three statements, three transactions: in one, the deferred feed triggers the insert
  // queues would still be pending at ENABLE TRIGGER, which PostgreSQL refuses.
  await client.query("ALTER TABLE ticket_types DISABLE TRIGGER ticket_types_sync_session_remaining");
  await client.query(`
    INSERT INTO ticket_types (session_id, name, price_minor, capacity, sold, sort_order)
    SELECT s.id, (ARRAY['Standard', 'Reduced', 'Front row'])[t + 1],
           CASE WHEN be.g % 12 = 5 THEN 0 ELSE 500 * (1 + (be.g * 7 + t * 3) % 12) END,
           cap.capacity,
           CASE WHEN be.g % 19 = 3 THEN cap.capacity WHEN be.g % 23 = 4 THEN cap.capacity - 2 ELSE (cap.capacity * ((be.g + t) % 10)) / 10 END,
           t
      FROM event_sessions s
      JOIN bench_events be ON be.id = s.event_id
      CROSS JOIN LATERAL generate_series(0, be.g % 3) AS t
      CROSS JOIN LATERAL (SELECT 20 + ((be.g * 31 + t * 17) % 480) AS capacity) cap`);
  await client.query("ALTER TABLE ticket_types ENABLE TRIGGER ticket_types_sync_session_remaining");
  await client.query(`
    UPDATE event_sessions s SET remaining = x.remaining
      FROM (SELECT session_id, sum(remaining)::int AS remaining FROM ticket_types GROUP BY session_id) x
     WHERE x.session_id = s.id`);
  // As autovacuum would soon do on a live database: flush the GIN indexes' pending lists
  // (a bulk load leaves the rows there, and every search would scan them) and gather statistics.
  await client.query("VACUUM (ANALYZE)");

  const counts = await client.query<{ events: number; sessions: number; ticket_types: number }>(`
    SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM event_sessions) AS sessions,
           (SELECT count(*)::int FROM ticket_types) AS ticket_types`);
  const row = counts.rows[0];
  return { events: row.events, sessions: row.sessions, ticketTypes: row.ticket_types };
}
