"use client";
import type { QuestionFormValues } from "@/lib/admin/events/form-values";
import type { Locale } from "@/lib/i18n/locales";
import { QUESTION_KINDS, type QuestionKind } from "@/lib/questions/question";
import { CheckboxField, SelectField, TextField } from "../form-fields";
import { QuestionChoices } from "./question-choices";
import { QuestionTranslations } from "./question-translations";
import { smallButton } from "./styles";

export const KIND_LABELS: Record<QuestionKind, string> = {
  short_text: "Short text",
  long_text: "Long text",
  one_choice: "One choice",
  several_choices: "Several choices",
  yes_no: "Yes or no (a consent when required)",
  number: "Number",
  date: "Date",
};

const CHOICE_KINDS: readonly QuestionKind[] = ["one_choice", "several_choices"];

/** A ticket type the question may be asked of: its row key (what the form keeps) and what the form sends. */
export type TicketTypeChoice = { key: string; value: string; label: string };

type Props = {
  question: QuestionFormValues;
  index: number;
  count: number;
  errors: Record<string, string>;
  language: Locale;
  typeChoices: TicketTypeChoice[];
  onChange: (change: (question: QuestionFormValues) => QuestionFormValues) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
};

/** One question: its kind, label, choices, who is asked and whether the door sees the answer. `question.ticketType` holds the type's row key. */
export function QuestionRow({ question, index, count, errors, language, typeChoices, onChange, onMove, onRemove }: Props) {
  const path = `questions.${index}`;
  const number = index + 1;
  const chosenType = typeChoices.find((choice) => choice.key === question.ticketType);
  const isChoice = CHOICE_KINDS.includes(question.kind);
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-stone-200 p-3 sm:p-4" data-testid="question">
      <h3 className="font-semibold">Question {number}</h3>
      {question.id ? <input type="hidden" name={`${path}.id`} value={question.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <TextField label="Question" name={`${path}.label`} defaultValue={question.label} error={errors[`${path}.label`]} required maxLength={200} hint="As buyers read it, e.g. “Any dietary needs?”" />
        <SelectField
          label="Answer"
          name={`${path}.kind`}
          value={question.kind}
          onChange={(event) => {
            const kind = event.currentTarget.value as QuestionKind;
            onChange((current) => ({ ...current, kind, options: CHOICE_KINDS.includes(kind) && current.options.length === 0 ? [{ key: `${current.key}-choice-1`, id: "", saved: false, label: "", labelTranslations: {} }] : current.options }));
          }}
          error={errors[`${path}.kind`]}
        >
          {QUESTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>{KIND_LABELS[kind]}</option>
          ))}
        </SelectField>
      </div>
      {isChoice ? <QuestionChoices path={path} options={question.options} errors={errors} onChange={(options) => onChange((current) => ({ ...current, options: options(current.options) }))} /> : null}
      <SelectField
        label="Asked of"
        name={`${path}.ticketType`}
        value={chosenType?.value ?? ""}
        onChange={(event) => {
          const value = event.currentTarget.value;
          const key = typeChoices.find((choice) => choice.value === value)?.key ?? "";
          onChange((current) => ({ ...current, ticketType: key }));
        }}
        error={errors[`${path}.ticketType`]}
        hint="A question of one ticket type is asked of each of its tickets."
      >
        <option value="">The whole event</option>
        {typeChoices.map((choice) => (
          <option key={choice.key} value={choice.value}>Each “{choice.label}” ticket</option>
        ))}
      </SelectField>
      <div className="flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-6">
        {chosenType ? (
          <CheckboxField label="Asked of every ticket's holder" name={`${path}.perTicketShown`} checked disabled readOnly />
        ) : (
          <CheckboxField
            label="Asked of every ticket's holder (not once per order)"
            name={`${path}.perTicket`}
            checked={question.perTicket}
            onChange={(event) => {
              const perTicket = event.currentTarget.checked;
              onChange((current) => ({ ...current, perTicket }));
            }}
            error={errors[`${path}.perTicket`]}
          />
        )}
        <CheckboxField label={question.kind === "yes_no" ? "Required (only yes answers it)" : "Required"} name={`${path}.required`} defaultChecked={question.required} error={errors[`${path}.required`]} />
        <CheckboxField label="Show the answer at the door" name={`${path}.showAtDoor`} defaultChecked={question.showAtDoor} error={errors[`${path}.showAtDoor`]} />
      </div>
      <QuestionTranslations path={path} question={question} language={language} errors={errors} number={number} />
      <div className="flex flex-wrap gap-2">
        <button type="button" className={smallButton} disabled={index === 0} onClick={() => onMove(-1)}>
          Move question {number} up
        </button>
        <button type="button" className={smallButton} disabled={index === count - 1} onClick={() => onMove(1)}>
          Move question {number} down
        </button>
        <button type="button" className={smallButton} onClick={onRemove}>
          Remove question {number}
        </button>
      </div>
    </li>
  );
}
