"use client";
import type { QuestionOptionFormValues } from "@/lib/admin/events/form-values";
import { fieldId, GroupError, TextField } from "../form-fields";
import { smallButton } from "./styles";

type Props = {
  path: string;
  options: QuestionOptionFormValues[];
  errors: Record<string, string>;
  onChange: (change: (options: QuestionOptionFormValues[]) => QuestionOptionFormValues[]) => void;
};

/**
 * The choices of a choice question. A choice's id is what answers keep: a new one may be typed
 * (blank: made from its label); a saved one is shown, not edited, so earlier answers still name it.
 */
export function QuestionChoices({ path, options, errors, onChange }: Props) {
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg bg-stone-50 p-3">
      <legend className="float-left text-sm font-semibold">Choices</legend>
      <GroupError id={fieldId(`${path}.options`)} error={errors[`${path}.options`]} />
      <ul className="clear-left flex flex-col gap-3">
        {options.map((option, k) => {
          const optionPath = `${path}.options.${k}`;
          return (
            <li key={option.key} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
              <TextField label={`Choice ${k + 1}`} name={`${optionPath}.label`} defaultValue={option.label} error={errors[`${optionPath}.label`]} required maxLength={100} />
              {option.saved ? (
                <div className="flex flex-col gap-1">
                  <input type="hidden" name={`${optionPath}.id`} value={option.id} />
                  <span className="text-sm font-medium text-stone-800">Id</span>
                  <span id={fieldId(`${optionPath}.id`)} className="flex min-h-11 items-center break-all font-mono text-sm">{option.id}</span>
                </div>
              ) : (
                <TextField
                  label="Id (optional)"
                  name={`${optionPath}.id`}
                  defaultValue={option.id}
                  error={errors[`${optionPath}.id`]}
                  maxLength={40}
                  autoCapitalize="none"
                  spellCheck={false}
                  placeholder="from the label"
                />
              )}
              <button type="button" className={smallButton} disabled={options.length === 1} onClick={() => onChange((current) => current.filter((candidate) => candidate.key !== option.key))}>
                Remove choice {k + 1}
              </button>
            </li>
          );
        })}
      </ul>
      <div>
        <button
          type="button"
          className={smallButton}
          onClick={() => onChange((current) => [...current, { key: `new-choice-${Date.now()}-${Math.random().toString(36).slice(2)}`, id: "", saved: false, label: "", labelTranslations: {} }])}
        >
          Add a choice
        </button>
      </div>
    </fieldset>
  );
}
