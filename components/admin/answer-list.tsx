import type { AnswerLine } from "@/lib/admin/answer-lines";

/** Answers as label and text; an unanswered question shows a dash, a removed one says so. */
export function AnswerList({ lines, className }: { lines: AnswerLine[]; className?: string }) {
  if (lines.length === 0) return null;
  return (
    <dl className={`grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(0,max-content)_1fr] ${className ?? ""}`}>
      {lines.map((line) => (
        <div key={line.questionId} className="contents">
          <dt className={`font-medium text-stone-700 ${line.removed ? "italic" : ""}`}>{line.label}</dt>
          <dd className="min-w-0 whitespace-pre-line break-words">{line.text || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
