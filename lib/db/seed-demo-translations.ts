// The demo events written in the language of their city, as their organisers would write
// them: the event's own columns hold these texts (and `language` says which language they
// are in), and the English text of seed-demo.ts becomes the event's English translation.
// Fado à Noite also reads in every other storefront language. Events not listed here are
// written in English (London's, and the rest of the demo), with no translations: other
// readers see them in English, marked as the original.
import type { Locale } from "@/lib/i18n/locales";

export type DemoTexts = { title: string; summary: string; description: string };
export type DemoOriginal = DemoTexts & { language: Exclude<Locale, "en">; more?: Partial<Record<Exclude<Locale, "en">, DemoTexts>> };

export const DEMO_ORIGINALS: Readonly<Record<string, DemoOriginal>> = {
  // --- Lisbon: Portuguese (Portugal) ------------------------------------------------------
  "fado-a-noite-alfama": {
    language: "pt",
    title: "Fado à Noite em Alfama",
    summary: "Fado à luz das velas numa pequena tasca, duas vozes e uma guitarra portuguesa.",
    description:
      "Três fadistas revezam-se ao longo da noite, acompanhados à guitarra portuguesa e à viola. A sala tem quarenta lugares em mesas corridas, por isso chegue cedo para ficar perto dos fadistas. Entre os fados servem-se petiscos e vinho.",
    more: {
      es: {
        title: "Fado de noche en Alfama",
        summary: "Fado a la luz de las velas en una pequeña tasca, dos voces y una guitarra portuguesa.",
        description:
          "Tres fadistas se turnan a lo largo de la noche, acompañados por la guitarra portuguesa y la guitarra clásica. La sala tiene cuarenta plazas en mesas compartidas, así que llega pronto para sentarte cerca de los cantantes. Entre pases se sirven petiscos y vino.",
      },
      ca: {
        title: "Fado de nit a Alfama",
        summary: "Fado a la llum de les espelmes en una petita tasca, dues veus i una guitarra portuguesa.",
        description:
          "Tres fadistes es van alternant durant la nit, acompanyats per la guitarra portuguesa i la guitarra clàssica. La sala té quaranta places en taules compartides, així que arriba d'hora per seure a prop dels cantants. Entre passis se serveixen petiscos i vi.",
      },
      de: {
        title: "Fado am Abend in der Alfama",
        summary: "Fado bei Kerzenlicht in einer winzigen Tasca, zwei Stimmen und eine portugiesische Gitarre.",
        description:
          "Drei Fadistas wechseln sich den ganzen Abend über ab, begleitet von portugiesischer und klassischer Gitarre. Der Raum bietet vierzig Plätze an langen Tischen, also komm früh, um nah bei den Sängern zu sitzen. Zwischen den Sets gibt es Petiscos und Wein.",
      },
    },
  },
  "alfama-private-walking-tour": {
    language: "pt",
    title: "Visita Privada a Pé por Alfama",
    summary: "O seu próprio guia pelas escadinhas, miradouros e capelas escondidas de Alfama.",
    description:
      "Reserve um guia local só para o seu grupo e percorra o bairro mais antigo de Lisboa ao seu ritmo. O percurso passa pela Sé, pelo Miradouro de Santa Luzia e pelas ruelas onde nasceu o fado. Escolha entre uma e três horas.",
  },
  "sao-bento-jazz-sessions": {
    language: "pt",
    title: "São Bento Jazz Sessions",
    summary: "Uma noite de jazz por mês com os melhores trios de Lisboa num antigo armazém.",
    description:
      "O Armazém baixa as luzes para uma noite de standards, originais com sotaque brasileiro e uma jam tardia aberta a músicos de passagem. O bar está aberto toda a noite. As mesas da primeira fila ficam mesmo à beira do palco.",
  },
  "belem-pastry-walk": {
    language: "pt",
    title: "Passeio dos Pastéis de Belém",
    summary: "Pastéis de nata, mosteiros e o rio: uma manhã doce a passear.",
    description:
      "Um passeio guiado da beira-rio ao Mosteiro dos Jerónimos, com três paragens em pastelarias pelo caminho. Vai ficar a saber porque é que os monges faziam pastéis de nata e provar a diferença entre a fábrica famosa e as suas rivais.",
  },
  // --- Barcelona: Spanish and Catalan -------------------------------------------------------
  "flamenco-de-gracia": {
    language: "es",
    title: "Flamenco de Gràcia",
    summary: "Guitarra, cante y baile en una sala íntima de Gràcia.",
    description:
      "Una compañía joven de la escena flamenca de Barcelona trae una hora de soleá, bulerías y alegrías a una sala de solo sesenta butacas. Siéntate lo bastante cerca para oír el zapateado. La primera noche se agotó en un día.",
  },
  "el-born-tapas-crawl": {
    language: "es",
    title: "Ruta de tapas por El Born",
    summary: "Cuatro bares, cuatro tapas y un guía que conoce a cada camarero por su nombre.",
    description:
      "Quedamos en la cocina y seguimos al guía por las calles medievales de El Born hasta cuatro bares familiares. En cada parada sirven una tapa de la casa y una bebida. Opciones vegetarianas bajo petición.",
  },
  "vermut-and-vinyl-sunday": {
    language: "ca",
    title: "Diumenge de vermut i vinils",
    summary: "Vermut de diumenge, olives i un DJ punxant discos de rumba catalana.",
    description:
      "El ritual del diumenge a Barcelona amb banda sonora: vermut de la casa de barril, un plat d'olives i patates, i col·leccionistes punxant rumba, soul i funk llatí en vinil original. Els nens són benvinguts fins a les quatre de la tarda.",
  },
  "petit-teatre-de-titelles": {
    language: "ca",
    title: "Petit Teatre de Titelles",
    summary: "Un espectacle de titelles tendre per a nens i nenes de tres a vuit anys.",
    description:
      "Unes titelles fetes a mà expliquen la història d'un gat que vol veure el mar. L'espectacle dura quaranta-cinc minuts i després es poden conèixer les titelles i els titellaires. En català, amb molta música i poques paraules.",
  },
  // --- Berlin: German --------------------------------------------------------------------
  "berlin-techno-history-walk": {
    language: "de",
    title: "Berliner Techno-Geschichte zu Fuß",
    summary: "Von der Mauer in die Lagerhalle: wie Techno die Stadt geprägt hat.",
    description:
      "Ein ehemaliger Clubveranstalter führt dich an die Orte legendärer Clubs entlang der Spree und erzählt die Geschichte Berlins nach 1989. Die Route ist etwa vier Kilometer lang und endet an der Bar der Spreehalle.",
  },
  "pottery-wheel-hour": {
    language: "de",
    title: "Eine Stunde an der Töpferscheibe",
    summary: "Buch dir eine Scheibe und eine Lehrerin für eine Stunde Töpfern am Kanal.",
    description:
      "Probier die Töpferscheibe mit persönlicher Anleitung in einem sonnigen Atelier am Kanal aus. Anfänger drehen eine Schale oder eine Tasse; wer schon einmal da war, kann zwei Stunden buchen. Die Stücke werden glasiert, gebrannt und sind zwei Wochen später abholbereit.",
  },
  "neukolln-canal-cycle-tour": {
    language: "de",
    title: "Radtour am Neuköllner Kanal",
    summary: "Räder, Kanäle und türkisches Frühstück bei einer entspannten Sonntagstour.",
    description:
      "Eine gemütliche Tour über fünfzehn Kilometer am Landwehrkanal entlang und über das Tempelhofer Feld, mit einer Frühstückspause auf dem Markt am Maybachufer. Räder und Helme sind inklusive; wer sein eigenes Rad mitbringt, zahlt weniger.",
  },
};

/**
 * Ticket type names in every storefront language, by the English name seed-demo.ts uses. An
 * event written in another language gets its name in that language as `name` and the rest,
 * English included, as `name_translations` (issue 33: a German reader buys an "Eintritt").
 */
export const DEMO_TICKET_TYPE_NAMES: Readonly<Record<string, Record<Exclude<Locale, "en">, string>>> = {
  "General admission": { pt: "Entrada geral", es: "Entrada general", ca: "Entrada general", de: "Eintritt" },
  "Workshop place": { pt: "Lugar no workshop", es: "Plaza en el taller", ca: "Plaça al taller", de: "Workshop-Platz" },
  Adult: { pt: "Adulto", es: "Adulto", ca: "Adult", de: "Erwachsene" },
  "Free entry": { pt: "Entrada livre", es: "Entrada gratuita", ca: "Entrada lliure", de: "Freier Eintritt" },
  Child: { pt: "Criança", es: "Niño", ca: "Infant", de: "Kind" },
  "Child (6-12)": { pt: "Criança (6-12)", es: "Niño (6-12)", ca: "Infant (6-12)", de: "Kind (6-12)" },
  "Early bird": { pt: "Compra antecipada", es: "Venta anticipada", ca: "Venda anticipada", de: "Frühbucher" },
  "Members' presale": { pt: "Pré-venda para sócios", es: "Preventa para socios", ca: "Preventa per a socis", de: "Mitglieder-Vorverkauf" },
  "Tasting seat": { pt: "Lugar na prova", es: "Plaza en la cata", ca: "Plaça al tast", de: "Platz bei der Verkostung" },
  "Front row": { pt: "Primeira fila", es: "Primera fila", ca: "Primera fila", de: "Erste Reihe" },
  "Walk ticket": { pt: "Bilhete do passeio", es: "Entrada al paseo", ca: "Entrada a la passejada", de: "Ticket für den Rundgang" },
  "With rental bike": { pt: "Com bicicleta alugada", es: "Con bici de alquiler", ca: "Amb bici de lloguer", de: "Mit Leihrad" },
  "Own bike": { pt: "Com bicicleta própria", es: "Con bici propia", ca: "Amb bici pròpia", de: "Mit eigenem Rad" },
  "VIP terrace": { pt: "Terraço VIP", es: "Terraza VIP", ca: "Terrassa VIP", de: "VIP-Terrasse" },
  "Under-26": { pt: "Menos de 26 anos", es: "Menores de 26", ca: "Menors de 26", de: "Unter 26" },
  "Team member": { pt: "Membro da equipa", es: "Miembro del equipo", ca: "Membre de l'equip", de: "Teammitglied" },
  "Table with petiscos": { pt: "Mesa com petiscos", es: "Mesa con petiscos", ca: "Taula amb petiscos", de: "Tisch mit Petiscos" },
  Student: { pt: "Estudante", es: "Estudiante", ca: "Estudiant", de: "Studierende" },
  "Standard seat": { pt: "Lugar normal", es: "Asiento estándar", ca: "Seient estàndard", de: "Normaler Platz" },
  Stalls: { pt: "Plateia", es: "Platea", ca: "Platea", de: "Parkett" },
  Balcony: { pt: "Balcão", es: "Anfiteatro", ca: "Amfiteatre", de: "Rang" },
  "Sofa seat": { pt: "Lugar no sofá", es: "Plaza en el sofá", ca: "Plaça al sofà", de: "Sofaplatz" },
  "Premium seat": { pt: "Lugar premium", es: "Asiento prémium", ca: "Seient prèmium", de: "Premiumplatz" },
  "Front row table": { pt: "Mesa na primeira fila", es: "Mesa en primera fila", ca: "Taula a primera fila", de: "Tisch in der ersten Reihe" },
  "Entry with a vermut": { pt: "Entrada com um vermute", es: "Entrada con un vermut", ca: "Entrada amb un vermut", de: "Eintritt mit einem Wermut" },
  "Dinner seat": { pt: "Lugar no jantar", es: "Plaza en la cena", ca: "Plaça al sopar", de: "Platz beim Abendessen" },
  "Day pass": { pt: "Passe diário", es: "Pase de día", ca: "Passi de dia", de: "Tagespass" },
  "Crawl ticket": { pt: "Bilhete da ronda", es: "Entrada a la ruta", ca: "Entrada a la ruta", de: "Ticket für die Tour" },
  "Accompanying adult": { pt: "Adulto acompanhante", es: "Adulto acompañante", ca: "Adult acompanyant", de: "Begleitperson" },
};

/** The people behind the demo's sales, in every language: their orders are in their language. */
export const DEMO_BUYERS: ReadonlyArray<{ name: string; locale: Locale }> = [
  { name: "Inês Carvalho", locale: "pt" },
  { name: "João Ferreira", locale: "pt" },
  { name: "Marta Sousa", locale: "pt" },
  { name: "Rui Almeida", locale: "pt" },
  { name: "Lucía Martín", locale: "es" },
  { name: "Javier Ortega", locale: "es" },
  { name: "Carmen Ruiz", locale: "es" },
  { name: "Jordi Puig", locale: "ca" },
  { name: "Montserrat Vila", locale: "ca" },
  { name: "Pau Ferrer", locale: "ca" },
  { name: "Lena Schulz", locale: "de" },
  { name: "Jonas Becker", locale: "de" },
  { name: "Mia Hoffmann", locale: "de" },
  { name: "Olivia Bennett", locale: "en" },
  { name: "Harry Patel", locale: "en" },
  { name: "Grace O'Connor", locale: "en" },
];
