"use client";
import type { EventFormValues } from "@/lib/admin/events/form-values";
import { CATEGORIES } from "@/lib/catalog/types";
import { ACTIVITIES } from "@/lib/feeds/activities";
import { LOCALE_NAMES_IN_ENGLISH, LOCALES } from "@/lib/i18n/locales";
import { SelectField, TextAreaField, TextField } from "../form-fields";
import { sectionClass } from "./styles";

type Props = {
  initial: EventFormValues;
  errors: Record<string, string>;
  slug: string;
  onTitle: (title: string) => void;
  onSlug: (slug: string) => void;
  language: EventFormValues["language"];
  onLanguage: (language: EventFormValues["language"]) => void;
};

/** Title, web address, texts (and the language they are written in), category, activity, ages. */
export function AboutSection({ initial, errors, slug, onTitle, onSlug, language, onLanguage }: Props) {
  return (
    <section aria-labelledby="about-heading" className={sectionClass}>
      <h2 id="about-heading" className="text-lg font-semibold">About the event</h2>
      <SelectField
        label="Written in"
        name="language"
        value={language}
        onChange={(event) => onLanguage(event.currentTarget.value as EventFormValues["language"])}
        error={errors.language}
        hint="The language of the title, summary and description below: pages fall back to it where a translation is missing."
        required
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>{LOCALE_NAMES_IN_ENGLISH[locale]}</option>
        ))}
      </SelectField>
      <TextField
        label="Title"
        name="title"
        defaultValue={initial.title}
        error={errors.title}
        required
        maxLength={120}
        onChange={(event) => onTitle(event.currentTarget.value)}
      />
      <TextField
        label="Web address"
        name="slug"
        value={slug}
        onChange={(event) => onSlug(event.currentTarget.value)}
        error={errors.slug}
        hint={<>The event&apos;s page will be /events/{slug || "…"}. Lowercase letters, digits and hyphens.</>}
        required
        maxLength={80}
        autoCapitalize="none"
        spellCheck={false}
      />
      <TextField label="Summary" name="summary" defaultValue={initial.summary} error={errors.summary} hint="One sentence for listings (10 to 200 characters)." required maxLength={200} />
      <TextAreaField label="Description" name="description" defaultValue={initial.description} error={errors.description} hint="Paragraphs are separated by an empty line." rows={6} required maxLength={5000} />
      <SelectField label="Category" name="category" defaultValue={initial.category} error={errors.category} required>
        <option value="">Choose a category</option>
        {CATEGORIES.map((category) => (
          <option key={category.value} value={category.value}>{category.label}</option>
        ))}
      </SelectField>
      <SelectField
        label="Activity (open data)"
        name="activityId"
        defaultValue={initial.activityId}
        error={errors.activityId}
        hint="For physical activity (a walking tour, a boat trip, a dance class): published in the OpenActive feeds. Leave empty for concerts, comedy, tastings."
      >
        <option value="">None: not a physical activity</option>
        {ACTIVITIES.map((concept) => (
          <option key={concept.identifier} value={concept.identifier}>{concept.prefLabel}</option>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Minimum age" name="minAge" type="number" inputMode="numeric" min={0} max={120} defaultValue={initial.minAge} error={errors.minAge} hint="Empty: no minimum." />
        <TextField label="Maximum age" name="maxAge" type="number" inputMode="numeric" min={0} max={120} defaultValue={initial.maxAge} error={errors.maxAge} hint="Empty: no maximum." />
      </div>
    </section>
  );
}
