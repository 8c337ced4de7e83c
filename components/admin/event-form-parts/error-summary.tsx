"use client";
import type { RefObject } from "react";
import { fieldId } from "../form-fields";
import { describeField } from "./describe-field";

/** What the server refused, at the top of the form, each problem linking to its field. */
export function ErrorSummary({ message, errors, summaryRef }: { message: string; errors: Record<string, string>; summaryRef: RefObject<HTMLDivElement | null> }) {
  const errorEntries = Object.entries(errors);
  return (
      <div ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="form-problem" className="rounded-2xl border-2 border-red-700 bg-red-50 p-4 text-red-900">
        <h2 id="form-problem" className="font-semibold">{errorEntries.length > 0 ? "Please fix these and save again" : "Not saved"}</h2>
        <p className="mt-1">{message}</p>
        {errorEntries.length > 0 ? (
          <ul className="mt-2 list-disc pl-5 text-sm">
            {errorEntries.map(([name, problem]) => (
              <li key={name}>
                <a href={`#${fieldId(name)}`} className="underline">{describeField(name)}: {problem}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
  );
}
