"use client";
import { useRef, useState } from "react";
import type { QuestionFormValues, SessionFormValues } from "@/lib/admin/events/form-values";
import type { Locale } from "@/lib/i18n/locales";
import { CheckboxField, fieldId, GroupError, TextField } from "../form-fields";
import { QuestionRow, type TicketTypeChoice } from "./question-row";
import { sectionClass, smallButton } from "./styles";

type Props = {
  initial: QuestionFormValues[];
  holderChangeCutoffMinutes: string;
  transfersForbidden: boolean;
  sessions: SessionFormValues[];
  language: Locale;
  errors: Record<string, string>;
};

/**
 * What buyers are asked (issue 27.4), in the order they are asked, and until when a ticket's
 * holder may be changed. A question's ticket type is kept by the type's row key, so it follows
 * the type when sessions above it are removed; the form sends the type's id, or a new type's
 * place (`sessions.0.ticketTypes.1`), which the server resolves in the same save.
 */
export function QuestionsSection({ initial, holderChangeCutoffMinutes, transfersForbidden, sessions, language, errors }: Props) {
  const [questions, setQuestions] = useState<QuestionFormValues[]>(initial);
  const counter = useRef(0);
  const newKey = () => `new-question-${++counter.current}`;
  const typeChoices: TicketTypeChoice[] = sessions.flatMap((session, i) =>
    session.ticketTypes.map((type, j) => ({
      key: type.key,
      value: type.id || `sessions.${i}.ticketTypes.${j}`,
      label: `${type.name.trim() || `Ticket type ${j + 1}`} (session ${i + 1}${session.startsAt ? `, ${session.startsAt.replace("T", " ")}` : ""})`,
    })),
  );
  const update = (key: string, change: (question: QuestionFormValues) => QuestionFormValues) =>
    setQuestions((current) => current.map((question) => (question.key === key ? change(question) : question)));
  const move = (index: number, delta: number) =>
    setQuestions((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      next.splice(index + delta, 0, moved);
      return next;
    });

  return (
    <section aria-labelledby="questions-heading" className={sectionClass}>
      <div>
        <h2 id="questions-heading" className="text-lg font-semibold">Ticket holders and questions</h2>
        <p className="text-sm text-stone-700">
          Every ticket carries its holder&apos;s name. Ask buyers what you need to know (a diet, an age, a consent), once per order or of every ticket&apos;s holder.
          Removing or changing a question keeps the answers already given on their orders.
        </p>
      </div>
      <TextField
        label="Holder changes close (minutes before the start)"
        name="holderChangeCutoffMinutes"
        type="number"
        inputMode="numeric"
        min={0}
        max={43200}
        defaultValue={holderChangeCutoffMinutes}
        error={errors.holderChangeCutoffMinutes}
        hint="A buyer can name another holder for a ticket until then: 120 is two hours, 0 until the start, at most 43200 (30 days)."
        required
      />
      <CheckboxField
        label="Tickets cannot be passed on to someone else"
        name="transfersForbidden"
        defaultChecked={transfersForbidden}
        error={errors.transfersForbidden}
        hint="Buyers then cannot change who a ticket is for (a name-checked event)."
      />
      <GroupError id={fieldId("questions")} error={errors.questions} />
      {questions.length === 0 ? <p className="text-sm text-stone-700">No questions: buyers give only their name and email.</p> : null}
      <ol className="flex flex-col gap-4">
        {questions.map((question, index) => (
          <QuestionRow
            key={question.key}
            question={question}
            index={index}
            count={questions.length}
            errors={errors}
            language={language}
            typeChoices={typeChoices}
            onChange={(change) => update(question.key, change)}
            onMove={(delta) => move(index, delta)}
            onRemove={() => setQuestions((current) => current.filter((candidate) => candidate.key !== question.key))}
          />
        ))}
      </ol>
      <div>
        <button
          type="button"
          className={smallButton}
          onClick={() =>
            setQuestions((current) => [
              ...current,
              { key: newKey(), id: "", kind: "short_text", label: "", labelTranslations: {}, options: [], required: false, perTicket: false, ticketType: "", showAtDoor: false },
            ])
          }
        >
          Add a question
        </button>
      </div>
    </section>
  );
}
