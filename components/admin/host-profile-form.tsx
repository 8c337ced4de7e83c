"use client";
import Image from "next/image";
import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { IMAGE_RULES } from "@/lib/admin/events/form-values";
import type { HostProfile } from "@/lib/hosts/profile/get-host-profile";
import { LOCALE_NAMES_IN_ENGLISH } from "@/lib/i18n/locales";
import { TextAreaField, TextField } from "./form-fields";
import { sectionClass } from "./event-form-parts/styles";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; initial: HostProfile };

/** Each language's fields are labelled in that language, as in the event form's translations. */
const LABELS = {
  pt: { name: "Nome", story: "História" },
  es: { name: "Nombre", story: "Historia" },
  ca: { name: "Nom", story: "Història" },
  de: { name: "Name", story: "Geschichte" },
} as const;

/**
 * A host's public page: name, story, city and photo in the host's own words, then name and story
 * in each other storefront language (blank: readers there see the host's own words). A section
 * with a problem opens itself.
 */
export function HostProfileForm({ action, initial }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  // Through a transition (as the event form): a refused save keeps what was typed; without JavaScript the form posts normally.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {state && !state.ok ? <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">{state.message} Nothing was saved.</p> : null}
      <section aria-labelledby="about-heading" className={sectionClass}>
        <h2 id="about-heading" className="text-lg font-semibold">About the host</h2>
        <TextField label="Host's name" name="name" defaultValue={initial.name} error={errors.name} required maxLength={120} />
        <TextAreaField label="Story" name="story" defaultValue={initial.story} error={errors.story} hint="Who you are and what you run, in a few lines." rows={5} maxLength={5000} />
        <TextField label="City" name="city" defaultValue={initial.city} error={errors.city} maxLength={80} autoComplete="address-level2" />
        {initial.photoPath ? (
          <div className="flex items-center gap-3">
            <Image src={initial.photoPath} alt="" width={160} height={107} className="aspect-[3/2] w-40 rounded-lg object-cover" />
            <p className="text-sm text-stone-700">Current photo. Choose a file below to replace it.</p>
          </div>
        ) : null}
        <TextField
          label={initial.photoPath ? "New photo (optional)" : "Photo (optional)"}
          name="photo"
          type="file"
          accept={IMAGE_RULES.types.join(",")}
          error={errors.photo}
          hint={`JPEG, PNG, WebP or AVIF, at most 5 MB, at least ${IMAGE_RULES.minWidth}×${IMAGE_RULES.minHeight} pixels.`}
          className="[&_input]:py-2"
        />
      </section>
      <section aria-labelledby="host-translations-heading" className={sectionClass}>
        <div>
          <h2 id="host-translations-heading" className="text-lg font-semibold">Translations</h2>
          <p className="text-sm text-stone-700">The name and story for readers of other languages. Leave a language blank to show the host&apos;s own words there.</p>
        </div>
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((locale) => {
          const text = initial.translations[locale];
          const path = (field: "name" | "story") => `translations.${locale}.${field}`;
          const hasError = Boolean(errors[path("name")] || errors[path("story")]);
          return (
            <details key={locale} open={hasError || Boolean(text?.name || text?.story)} className="rounded-xl border border-stone-200 p-3 sm:p-4">
              <summary className="cursor-pointer font-semibold">
                {LOCALE_NAMES_IN_ENGLISH[locale]}
                <span className="ml-2 text-sm font-normal text-stone-600">{text?.name || text?.story ? "translated" : "not translated"}</span>
              </summary>
              <div lang={locale} className="mt-3 flex flex-col gap-4">
                <TextField label={LABELS[locale].name} name={path("name")} defaultValue={text?.name ?? ""} error={errors[path("name")]} maxLength={120} />
                <TextAreaField label={LABELS[locale].story} name={path("story")} defaultValue={text?.story ?? ""} error={errors[path("story")]} rows={4} maxLength={5000} />
              </div>
            </details>
          );
        })}
      </section>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Saving…" : "Save the host's page"}
      </button>
    </form>
  );
}
