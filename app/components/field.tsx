// Labelled form fields with their French error message, wired for screen readers.
import { useState, type ReactNode } from "react";

type Common = { name: string; label: string; error?: string; hint?: string; id?: string };

function describedBy(id: string, error?: string, hint?: string) {
  return [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
}

function Wrapper({ id, label, error, hint, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-aide`} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-erreur`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(props: Common & { type?: string; defaultValue?: string | null; required?: boolean; maxLength?: number; autoComplete?: string }) {
  const id = props.id ?? `champ-${props.name}`;
  return (
    <Wrapper {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue ?? undefined}
        required={props.required}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        className="field-input"
      />
    </Wrapper>
  );
}

/**
 * A text area with its limit in sight: a counter (« 120 / 500 caractères ») that turns red and says by how
 * much the text is too long. The text is never cut as she types (no maxLength): the server refuses a text
 * too long with a French message and gives it back whole.
 */
export function TextArea(props: Common & { defaultValue?: string | null; required?: boolean; maxLength?: number; rows?: number }) {
  const id = props.id ?? `champ-${props.name}`;
  const [length, setLength] = useState((props.defaultValue ?? "").length);
  const max = props.maxLength;
  const over = max !== undefined && length > max;
  const counterId = `${id}-compteur`;
  return (
    <Wrapper {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        defaultValue={props.defaultValue ?? undefined}
        required={props.required}
        onInput={(e) => setLength(e.currentTarget.value.length)}
        aria-invalid={props.error || over ? true : undefined}
        aria-describedby={[describedBy(id, props.error, props.hint), max ? counterId : null].filter(Boolean).join(" ") || undefined}
        className="field-input"
      />
      {max ? (
        <p id={counterId} className={`mt-1 text-sm ${over ? "font-semibold text-red-800" : "text-slate-700"}`} data-counter>
          {over
            ? `Trop long de ${length - max} caractère${length - max > 1 ? "s" : ""} (${length} / ${max}) : raccourcissez avant d'enregistrer.`
            : `${length} / ${max} caractères`}
        </p>
      ) : null}
    </Wrapper>
  );
}

export function SelectField(
  props: Common & { options: { value: string; label: string }[]; defaultValue?: string | null; required?: boolean; placeholder?: string },
) {
  const id = props.id ?? `champ-${props.name}`;
  return (
    <Wrapper {...props} id={id}>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue ?? ""}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        className="field-input"
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

/** A form-level message: errors are announced, confirmations are polite. */
export function FormMessage({ kind, children }: { kind: "error" | "success"; children: ReactNode }) {
  return kind === "error" ? (
    <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
      {children}
    </p>
  ) : (
    <p role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 px-4 py-3 font-semibold text-green-900">
      {children}
    </p>
  );
}
