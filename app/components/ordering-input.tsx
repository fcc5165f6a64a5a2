// An ordering question. The server renders one select per item (« Position de : … »), which works
// without JavaScript; once hydrated, a list with « Monter » / « Descendre » buttons replaces them and
// hidden inputs send the very same field names and positions, so grading does not change.
import { useEffect, useMemo, useRef, useState } from "react";
import { fieldName, type PublicQuestion } from "~/domain/quiz";
import { moveItem, orderFromPositions } from "./quiz-logic";

type Props = {
  q: PublicQuestion;
  /** Kept positions after a refused submission, by item key. */
  kept: Record<string, string | undefined>;
  invalid: boolean;
  enhanced: boolean;
  /** Positions by field name once the learner has arranged the items, null before. */
  onArrange: (positions: Record<string, string> | null) => void;
};

type State = { order: string[]; touched: boolean };

export function OrderingInput({ q, kept, invalid, enhanced, onArrange }: Props) {
  const rows = useMemo(() => q.left ?? [], [q.left]);
  const selects = useRef<Record<string, HTMLSelectElement | null>>({});
  const list = useRef<HTMLOListElement>(null);
  const [state, setState] = useState<State | null>(null);
  const [announce, setAnnounce] = useState("");
  const pendingFocus = useRef<{ key: string; step: -1 | 1 } | null>(null);

  // Take over from the selects once hydrated, with what the learner may already have chosen in them.
  useEffect(() => {
    if (!enhanced || state) return;
    const chosen = Object.fromEntries(rows.map((row) => [row.key, selects.current[row.key]?.value || kept[row.key]]));
    const { order, complete } = orderFromPositions(
      rows.map((row) => row.key),
      chosen,
    );
    setState({ order, touched: complete });
  }, [enhanced, state, rows, kept]);

  useEffect(() => {
    if (state) onArrange(state.touched ? Object.fromEntries(state.order.map((key, i) => [fieldName(q.id, key), String(i + 1)])) : null);
    // onArrange changes on every render of the form; only a new order matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // A moved item keeps the focus on the button just pressed (moving a node in the DOM may drop it).
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    list.current?.querySelector<HTMLButtonElement>(`button[data-key="${target.key}"][data-step="${target.step}"]`)?.focus();
  }, [state]);

  if (!enhanced || !state) {
    return (
      <div className="space-y-3">
        {rows.map((row) => {
          const id = fieldName(q.id, row.key);
          return (
            <div key={row.key} className="grid gap-1 sm:grid-cols-[8rem_1fr] sm:items-center sm:gap-3">
              <select
                id={id}
                name={id}
                ref={(el) => {
                  selects.current[row.key] = el;
                }}
                className="field-input"
                defaultValue={kept[row.key] ?? ""}
                aria-label={`Position de : ${row.text}`}
                aria-invalid={invalid || undefined}
              >
                <option value="">Position</option>
                {rows.map((_, i) => (
                  <option key={i} value={String(i + 1)}>
                    {i + 1}
                  </option>
                ))}
              </select>
              <label htmlFor={id}>{row.text}</label>
            </div>
          );
        })}
      </div>
    );
  }

  const textOf = (key: string) => rows.find((row) => row.key === key)?.text ?? "";
  const move = (key: string, step: -1 | 1) => {
    const order = moveItem(state.order, key, step);
    const at = order.indexOf(key) + 1;
    setAnnounce(order === state.order ? `« ${textOf(key)} » est déjà ${step < 0 ? "en première" : "en dernière"} position.` : `« ${textOf(key)} » est maintenant en position ${at} sur ${order.length}.`);
    pendingFocus.current = { key, step };
    setState({ order, touched: true });
  };
  const hintId = `${fieldName(q.id)}-aide`;

  return (
    <div data-ordering-list>
      <p id={hintId} className="mb-2 text-sm text-slate-700">
        Placez la première étape en haut avec les boutons «&nbsp;Monter&nbsp;» et «&nbsp;Descendre&nbsp;».
      </p>
      <ol ref={list} className="space-y-2" aria-describedby={hintId}>
        {state.order.map((key, i) => {
          const text = textOf(key);
          const first = i === 0;
          const last = i === state.order.length - 1;
          return (
            <li key={key} data-ordering-item={text} className={`flex flex-wrap items-center gap-2 rounded-md border px-3 py-2 ${invalid ? "border-red-700" : "border-slate-300"}`}>
              <span className="min-w-[2rem] font-bold tabular-nums" aria-hidden="true">
                {i + 1}.
              </span>
              <span className="min-w-0 flex-1 basis-48">{text}</span>
              <span className="ml-auto flex gap-2">
                <button
                  type="button"
                  className="btn-secondary px-3 aria-disabled:opacity-50"
                  data-key={key}
                  data-step={-1}
                  aria-label={`Monter\u00a0: ${text}`}
                  aria-disabled={first || undefined}
                  onClick={() => move(key, -1)}
                >
                  <span aria-hidden="true">↑</span> Monter
                </button>
                <button
                  type="button"
                  className="btn-secondary px-3 aria-disabled:opacity-50"
                  data-key={key}
                  data-step={1}
                  aria-label={`Descendre\u00a0: ${text}`}
                  aria-disabled={last || undefined}
                  onClick={() => move(key, 1)}
                >
                  <span aria-hidden="true">↓</span> Descendre
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      {state.touched ? state.order.map((key, i) => <input key={key} type="hidden" name={fieldName(q.id, key)} value={String(i + 1)} />) : null}
    </div>
  );
}
