import { fieldId } from "../form-fields";
import { sectionClass } from "./styles";

/** Draft (admins only) or published (on the storefront and on sale). */
export function VisibilitySection({ status, error }: { status: "draft" | "published" | "cancelled"; error: string | undefined }) {
  const errors = { status: error };
  const initial = { status };
  return (
    <fieldset
      id={fieldId("status")}
      className={sectionClass}
      aria-describedby={errors.status ? `${fieldId("status")}-error` : undefined}
    >
      <legend className="float-left mb-2 text-lg font-semibold">Visibility</legend>
      <div className="clear-left flex flex-col gap-2">
        {[
          { value: "draft", label: "Draft", hint: "Only admins can see it." },
          { value: "published", label: "Published", hint: "On the storefront and on sale." },
        ].map((option) => (
          <label key={option.value} className="flex min-h-11 items-start gap-3">
            <input
              type="radio"
              name="status"
              value={option.value}
              defaultChecked={(initial.status === "published" ? "published" : "draft") === option.value}
              className="mt-1 size-5"
            />
            <span>
              <span className="font-medium">{option.label}</span>
              <span className="block text-sm text-stone-700">{option.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {errors.status ? <p id={`${fieldId("status")}-error`} className="text-sm font-medium text-red-700">{errors.status}</p> : null}
    </fieldset>
  );
}
