// The demo's questions to buyers (issue 27.4), in all five languages: a workshop that asks each
// ticket's holder about their diet (shown at the door), a walk that asks once per order which
// language the guide should speak and for a consent, and a children's class that asks each
// child's age. The demo events are written in English; the other languages are translations.
import type { Locale } from "@/lib/i18n/locales";
import type { QuestionKind } from "@/lib/questions/question";

type Words = Record<Locale, string>;
type DemoQuestion = {
  key: string;
  kind: QuestionKind;
  label: Words;
  options?: { id: string; label: Words }[];
  required?: boolean;
  perTicket?: boolean;
  showAtDoor?: boolean;
  /** Only for the tickets of this type (by its English name), in every session. */
  ticketTypeName?: string;
};

/** Slugs of the demo events that ask questions, for tests. */
export const DEMO_QUESTION_SLUGS = {
  /** Asks each ticket's holder: diet (required, one choice, shown at the door) and allergies (optional). */
  perTicket: "crema-catalana-workshop",
  /** Asks once per order: the guide's language (required) and a consent (required yes). */
  perOrder: "southwark-ghost-walk",
} as const;

const DEMO_QUESTIONS: Record<string, DemoQuestion[]> = {
  "crema-catalana-workshop": [
    {
      key: "diet",
      kind: "one_choice",
      required: true,
      perTicket: true,
      showAtDoor: true,
      label: { en: "Diet", pt: "Dieta", es: "Dieta", ca: "Dieta", de: "Ernährung" },
      options: [
        { id: "anything", label: { en: "I eat anything", pt: "Como de tudo", es: "Como de todo", ca: "Menjo de tot", de: "Ich esse alles" } },
        { id: "vegetarian", label: { en: "Vegetarian", pt: "Vegetariana", es: "Vegetariana", ca: "Vegetariana", de: "Vegetarisch" } },
        { id: "vegan", label: { en: "Vegan", pt: "Vegana", es: "Vegana", ca: "Vegana", de: "Vegan" } },
        { id: "no-lactose", label: { en: "No lactose", pt: "Sem lactose", es: "Sin lactosa", ca: "Sense lactosa", de: "Laktosefrei" } },
      ],
    },
    {
      key: "allergies",
      kind: "short_text",
      perTicket: true,
      showAtDoor: true,
      label: { en: "Allergies we should know about", pt: "Alergias que devemos saber", es: "Alergias que debamos saber", ca: "Al·lèrgies que hàgim de saber", de: "Allergien, die wir kennen sollten" },
    },
  ],
  "southwark-ghost-walk": [
    {
      key: "guide-language",
      kind: "one_choice",
      required: true,
      label: { en: "Which language should your guide speak?", pt: "Em que língua deve falar o guia?", es: "¿En qué idioma debe hablar el guía?", ca: "En quina llengua ha de parlar el guia?", de: "In welcher Sprache soll die Führung sein?" },
      options: [
        { id: "en", label: { en: "English", pt: "Inglês", es: "Inglés", ca: "Anglès", de: "Englisch" } },
        { id: "es", label: { en: "Spanish", pt: "Espanhol", es: "Español", ca: "Castellà", de: "Spanisch" } },
        { id: "de", label: { en: "German", pt: "Alemão", es: "Alemán", ca: "Alemany", de: "Deutsch" } },
      ],
    },
    {
      key: "walking",
      kind: "yes_no",
      required: true,
      label: {
        en: "I can walk 2 km on uneven, dimly lit streets",
        pt: "Consigo caminhar 2 km em ruas irregulares e pouco iluminadas",
        es: "Puedo caminar 2 km por calles irregulares y poco iluminadas",
        ca: "Puc caminar 2 km per carrers irregulars i poc il·luminats",
        de: "Ich kann 2 km auf unebenen, schwach beleuchteten Straßen gehen",
      },
    },
  ],
  "kinder-clay-club": [
    {
      key: "age",
      kind: "number",
      required: true,
      perTicket: true,
      showAtDoor: true,
      ticketTypeName: "Child",
      label: { en: "Child's age", pt: "Idade da criança", es: "Edad del niño o la niña", ca: "Edat de l'infant", de: "Alter des Kindes" },
    },
  ],
};

function translations(words: Words): Partial<Record<Locale, string>> {
  return Object.fromEntries(Object.entries(words).filter(([locale]) => locale !== "en"));
}

export type DemoQuestionRow = {
  id: string;
  eventId: string;
  ticketTypeId: string | null;
  kind: QuestionKind;
  label: string;
  labelTranslations: Partial<Record<Locale, string>>;
  options: { id: string; label: string; labelTranslations: Partial<Record<Locale, string>> }[];
  required: boolean;
  perTicket: boolean;
  showAtDoor: boolean;
  sortOrder: number;
};

/**
 * The question rows of the demo: `eventId` and `typeIds` (the ids of an event's ticket types of
 * that English name, in every session) come from the seed; `id` names a row stably.
 */
export function demoQuestionRows(options: { eventId: (slug: string) => string; typeIds: (slug: string, name: string) => string[]; id: (name: string) => string }): DemoQuestionRow[] {
  return Object.entries(DEMO_QUESTIONS).flatMap(([slug, questions]) =>
    questions.flatMap((question, sortOrder) => {
      const scopes = question.ticketTypeName ? options.typeIds(slug, question.ticketTypeName) : [null];
      return scopes.map((ticketTypeId) => ({
        id: options.id(`question:${slug}:${question.key}:${ticketTypeId ?? "all"}`),
        eventId: options.eventId(slug),
        ticketTypeId,
        kind: question.kind,
        label: question.label.en,
        labelTranslations: translations(question.label),
        options: (question.options ?? []).map((option) => ({ id: option.id, label: option.label.en, labelTranslations: translations(option.label) })),
        required: question.required ?? false,
        perTicket: question.perTicket ?? question.ticketTypeName !== undefined,
        showAtDoor: question.showAtDoor ?? false,
        sortOrder,
      }));
    }),
  );
}
