// Labelled inputs whose error sits next to them: aria-invalid and aria-describedby point at
// the message, the hint is read too. `name` is the form path (`sessions.0.startsAt`), the
// id is derived from it, so an error summary can link to the field.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export function fieldId(name: string): string {
  return `field-${name.replace(/\./g, "-")}`;
}

const inputClass =
  "min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 disabled:bg-stone-100";

type Common = { label: ReactNode; name: string; error?: string; hint?: ReactNode; className?: string };

function describedBy(name: string, error?: string, hint?: ReactNode): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Wrapper({ label, name, error, hint, className, children }: Common & { children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={fieldId(name)} className="text-sm font-medium text-stone-800">{label}</label>
      {hint ? <p id={`${fieldId(name)}-hint`} className="text-sm text-stone-600">{hint}</p> : null}
      {children}
      {error ? <p id={`${fieldId(name)}-error`} className="text-sm font-medium text-red-700">{error}</p> : null}
    </div>
  );
}

export function TextField({ label, name, error, hint, className, ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  return (
    <Wrapper label={label} name={name} error={error} hint={hint} className={className}>
      <input
        id={fieldId(name)}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, hint)}
        className={inputClass}
        {...input}
      />
    </Wrapper>
  );
}

export function TextAreaField({ label, name, error, hint, className, ...input }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  return (
    <Wrapper label={label} name={name} error={error} hint={hint} className={className}>
      <textarea
        id={fieldId(name)}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, hint)}
        className={`${inputClass} py-2`}
        {...input}
      />
    </Wrapper>
  );
}

export function SelectField({ label, name, error, hint, className, children, ...input }: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  return (
    <Wrapper label={label} name={name} error={error} hint={hint} className={className}>
      <select
        id={fieldId(name)}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, hint)}
        className={inputClass}
        {...input}
      >
        {children}
      </select>
    </Wrapper>
  );
}

/** An error that belongs to a whole group (e.g. "these ticket types have orders"). */
export function GroupError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return <p id={id} className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">{error}</p>;
}

/** A checkbox with its label beside it (a 44 px target), its hint and error read with it. */
export function CheckboxField({ label, name, error, hint, className, ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={fieldId(name)} className="flex min-h-11 items-center gap-3 text-sm font-medium text-stone-800">
        <input
          id={fieldId(name)}
          name={name}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, error, hint)}
          className="size-5 shrink-0"
          {...input}
        />
        <span>{label}</span>
      </label>
      {hint ? <p id={`${fieldId(name)}-hint`} className="text-sm text-stone-600">{hint}</p> : null}
      {error ? <p id={`${fieldId(name)}-error`} className="text-sm font-medium text-red-700">{error}</p> : null}
    </div>
  );
}
