// The quiz as a plain HTML form; with JavaScript, the submission schema (the one the server parses)
// checks every answer first, a counter shows how many questions have an answer, ordering questions get
// « Monter » / « Descendre » buttons, and on a phone the questions come one per screen (still one form,
// sent at the end). After a refused submission, each change checks the answers again.
import { Form, useFormAction, useNavigation, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { fieldName, questionFields, submissionErrorSummary, type PublicQuestion } from "~/domain/quiz";
import { formDataToObject } from "~/utils/forms";
import { useHydrated, useMediaQuery } from "~/utils/hydration";
import { OrderingInput } from "./ordering-input";
import { countAnswered } from "./quiz-logic";

type Props = {
  attemptId: string;
  questions: PublicQuestion[];
  passMark: number;
  values?: Record<string, string | string[]>;
  serverErrors?: Record<string, string>;
  formError?: string | null;
};

const TYPE_HINTS: Record<PublicQuestion["type"], string> = {
  single: "Une seule bonne réponse.",
  multiple: "Une ou plusieurs bonnes réponses\u00a0: cochez-les toutes.",
  truefalse: "Vrai ou faux\u202f?",
  matching: "Associez chaque élément de gauche à un élément de la liste.",
  ordering: "Indiquez la position de chaque étape (1 = la première).",
  numeric: "Répondez par un nombre.",
  text: "Répondez en quelques mots.",
};

/** Where the page opens after a refused submission without JavaScript (the form's action carries it). */
const ERRORS_ID = "quiz-erreurs";
const questionId = (id: string) => `question-${id}`;
const legendId = (id: string) => `question-${id}-titre`;
/** Phones: below Tailwind's `sm` breakpoint. */
const PHONE = "(max-width: 639.98px)";

function errorFor(q: PublicQuestion, errors: Record<string, string | undefined>, serverErrors: Record<string, string> | undefined): string | undefined {
  for (const key of questionFields(q)) {
    const message = errors[key] ?? serverErrors?.[key];
    if (message) return message;
  }
  return undefined;
}

/**
 * The schema's module, loaded once the page is interactive: showing the quiz does not need zod, only
 * checking it does, so its code stays out of the page's first download.
 */
let submissionModule: Promise<typeof import("~/domain/quiz-submission")> | null = null;
const loadSubmissionModule = () =>
  (submissionModule ??= import("~/domain/quiz-submission").catch((error: unknown) => {
    submissionModule = null; // try again next time
    throw error;
  }));

/** The schema's errors for the form's current answers: the first message per field, as the server reports them. */
async function checkAnswers(questions: PublicQuestion[], form: HTMLFormElement): Promise<Record<string, string>> {
  const { submissionSchema } = await loadSubmissionModule();
  const result = submissionSchema(questions).safeParse(formDataToObject(new FormData(form)));
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[String(issue.path[0] ?? "")] ??= issue.message;
  return errors;
}

export function QuizForm({ attemptId, questions, passMark, values, serverErrors, formError }: Props) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const action = useFormAction();
  const hydrated = useHydrated();
  const phone = useMediaQuery(PHONE);
  const stepped = hydrated && phone && questions.length > 1;
  const formRef = useRef<HTMLFormElement>(null);
  /** The browser's check of the answers: null until a first submission. */
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const isSubmitted = clientErrors !== null;
  const busy = navigation.state === "submitting";
  const [current, setCurrent] = useState(0);
  const [focusRequest, setFocusRequest] = useState<{ index: number; on: "legend" | "error"; at: number } | null>(null);
  const [answered, setAnswered] = useState<number | null>(null);

  const kept = values ?? {};

  /** Shows question `index` (on a phone) and moves the focus to it once rendered. */
  const goTo = useCallback((index: number, on: "legend" | "error") => {
    setCurrent(index);
    setFocusRequest({ index, on, at: Date.now() });
  }, []);

  useEffect(() => {
    if (!focusRequest) return;
    const q = questions[focusRequest.index];
    if (!q) return;
    const legend = document.getElementById(legendId(q.id));
    const invalid = focusRequest.on === "error" ? document.getElementById(questionId(q.id))?.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    (invalid ?? legend)?.focus();
  }, [focusRequest, questions]);

  // After a refusal from the server, go to the first question to fix.
  useEffect(() => {
    if (!serverErrors) return;
    const index = questions.findIndex((q) => errorFor(q, {}, serverErrors));
    if (index >= 0) goTo(index, "error");
  }, [serverErrors, questions, goTo]);

  useEffect(() => {
    if (hydrated) loadSubmissionModule().catch(() => undefined);
  }, [hydrated]);

  /** Counts the answers and, once she has tried to send the quiz, checks them again. */
  const recount = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    setAnswered(countAnswered(questions, formDataToObject(new FormData(form))));
    if (isSubmitted) void checkAnswers(questions, form).then(setClientErrors, () => undefined);
  }, [questions, isSubmitted]);
  useEffect(() => {
    if (hydrated) recount();
  }, [hydrated, recount]);

  const summary = formError
    ? { message: formError, questionIds: submissionErrorSummary(questions, serverErrors ?? {}, "server")?.questionIds ?? [] }
    : clientErrors
      ? submissionErrorSummary(questions, clientErrors, "client")
      : null;
  const firstInvalid = summary?.questionIds[0];
  const firstInvalidIndex = questions.findIndex((q) => q.id === firstInvalid);
  const total = questions.length;

  return (
    <Form
      ref={formRef}
      method="post"
      // Without JavaScript, a refused submission reloads the page: it opens at the banner.
      action={hydrated ? undefined : `${action}#${ERRORS_ID}`}
      noValidate
      data-quiz-form=""
      data-quiz-enhanced={hydrated ? "" : undefined}
      onChange={recount}
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        void checkAnswers(questions, form).then(
          (invalid) => {
            setClientErrors(invalid);
            if (Object.keys(invalid).length === 0) return submit(form, { preventScrollReset: false });
            const index = questions.findIndex((q) => questionFields(q).some((key) => invalid[key]));
            if (index >= 0) goTo(index, "error");
          },
          // Without the checks' code (a lost connection), the answers go as they are: the server checks them.
          () => submit(form, { preventScrollReset: false }),
        );
      }}
      aria-describedby="quiz-consigne"
      className="space-y-6"
    >
      <input type="hidden" name="intent" value="envoyer" />
      <input type="hidden" name="attemptId" value={attemptId} />
      <p id="quiz-consigne" className="text-slate-700">
        {total} questions. Répondez à toutes les questions, puis envoyez vos réponses. Seuil de réussite&nbsp;: {passMark}&nbsp;%.
      </p>
      {summary ? (
        <div id={ERRORS_ID} tabIndex={-1} role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900">
          <p className="font-semibold">{summary.message}</p>
          {firstInvalid && firstInvalidIndex >= 0 ? (
            <p className="mt-1">
              <a
                href={`#${questionId(firstInvalid)}`}
                className="text-red-900"
                onClick={(event) => {
                  if (!hydrated) return;
                  event.preventDefault();
                  goTo(firstInvalidIndex, "error");
                }}
              >
                Aller à la question {firstInvalidIndex + 1}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      {stepped ? (
        <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-slate-200">
          <div className="h-full bg-brand-700" style={{ width: `${Math.round(((current + 1) / total) * 100)}%` }} />
        </div>
      ) : null}
      <ol className="space-y-5">
        {questions.map((q, index) => {
          const raw = errorFor(q, clientErrors ?? {}, serverErrors);
          // With the buttons, an ordering question is answered by moving its items, not by choosing positions.
          const error = hydrated && q.type === "ordering" && raw === "Choisissez une position." ? "Remettez les étapes dans l'ordre avec les boutons «\u00a0Monter\u00a0» et «\u00a0Descendre\u00a0»." : raw;
          const errorId = `erreur-${q.id}`;
          const describedBy = error ? errorId : undefined;
          return (
            <li
              key={q.id}
              id={questionId(q.id)}
              className="card scroll-mt-4"
              data-question-id={q.id}
              data-question-type={q.type}
              hidden={stepped && index !== current}
            >
              <fieldset aria-describedby={describedBy}>
                <legend id={legendId(q.id)} tabIndex={-1} className="text-lg font-semibold">
                  <span className="mr-2 text-slate-600">
                    Question {index + 1} sur {total}
                  </span>
                  {q.case ? <span className="mb-2 block rounded bg-slate-100 px-3 py-2 font-normal italic">{q.case}</span> : null}
                  <span className="block">{q.prompt}</span>
                </legend>
                <p className="mt-1 text-sm text-slate-600">{hydrated && q.type === "ordering" ? "Remettez les étapes dans l'ordre." : TYPE_HINTS[q.type]}</p>
                <div className="mt-3">
                  {q.type === "ordering" ? (
                    <OrderingInput
                      q={q}
                      kept={Object.fromEntries((q.left ?? []).map((row) => [row.key, first(kept[fieldName(q.id, row.key)])]))}
                      invalid={Boolean(error)}
                      enhanced={hydrated}
                      // Its hidden inputs hold the new positions when it calls back: count and check them.
                      onArrange={recount}
                    />
                  ) : (
                    <QuestionInputs q={q} invalid={Boolean(error)} values={kept} />
                  )}
                </div>
                {error ? (
                  <p id={errorId} className="field-error" role="alert">
                    {error}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {hydrated ? (
        <p className="sr-only" aria-live="polite">
          {stepped ? `Question ${current + 1} sur ${total}` : ""}
        </p>
      ) : null}
      {stepped ? (
        <div className="flex flex-wrap gap-3">
          {current > 0 ? (
            <button type="button" className="btn-secondary" onClick={() => goTo(current - 1, "legend")}>
              <span aria-hidden="true">←</span> Question précédente
            </button>
          ) : null}
          {current < total - 1 ? (
            <button type="button" className="btn-secondary ml-auto" onClick={() => goTo(current + 1, "legend")}>
              Question suivante <span aria-hidden="true">→</span>
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? "Envoi…" : "Envoyer mes réponses"}
        </button>
        {answered !== null ? (
          <p className="font-semibold text-slate-700" data-testid="quiz-answered">
            <span aria-hidden="true">
              {answered}&nbsp;/&nbsp;{total} répondues
            </span>
            <span className="sr-only">
              {answered} question{answered > 1 ? "s" : ""} sur {total} {answered > 1 ? "ont" : "a"} une réponse
            </span>
          </p>
        ) : null}
      </div>
    </Form>
  );
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function QuestionInputs({ q, invalid, values }: { q: PublicQuestion; invalid: boolean; values: Record<string, string | string[]> }) {
  const name = fieldName(q.id);
  // Kept answers are rendered into the HTML too, so nothing is lost without JavaScript.
  const kept = (key: string) => {
    const v = values[key];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  const aria = invalid ? { "aria-invalid": true as const } : {};
  switch (q.type) {
    case "single":
    case "truefalse":
    case "multiple": {
      const type = q.type === "multiple" ? "checkbox" : "radio";
      return (
        <div className="space-y-2">
          {(q.choices ?? []).map((c) => {
            const id = `${name}-${c.value}`;
            return (
              <label key={c.value} htmlFor={id} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-300 px-3 py-2.5 hover:bg-slate-50">
                <input id={id} type={type} value={c.value} defaultChecked={kept(name).includes(c.value)} className="mt-1 h-5 w-5 shrink-0" {...aria} name={name} />
                <span>{c.text}</span>
              </label>
            );
          })}
        </div>
      );
    }
    case "matching":
      return (
        <div className="space-y-3">
          {(q.left ?? []).map((row) => {
            const id = fieldName(q.id, row.key);
            return (
              <div key={row.key} className="grid gap-1 sm:grid-cols-2 sm:items-center sm:gap-3">
                <label htmlFor={id} className="font-medium">
                  {row.text}
                </label>
                <select id={id} className="field-input" defaultValue={kept(id)[0] ?? ""} {...aria} name={id}>
                  <option value="">— Choisir —</option>
                  {(q.right ?? []).map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.text}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      );
    case "ordering":
      return null; // OrderingInput
    case "numeric":
      return (
        <div className="flex items-center gap-2">
          <label htmlFor={name} className="sr-only">
            Votre réponse (nombre)
          </label>
          <input id={name} type="text" inputMode="decimal" autoComplete="off" defaultValue={kept(name)[0] ?? ""} className="field-input max-w-[10rem]" {...aria} name={name} />
          {q.unit ? <span>{q.unit}</span> : null}
        </div>
      );
    case "text":
      return (
        <div>
          <label htmlFor={name} className="sr-only">
            Votre réponse
          </label>
          <input id={name} type="text" autoComplete="off" maxLength={200} defaultValue={kept(name)[0] ?? ""} className="field-input max-w-md" {...aria} name={name} />
        </div>
      );
  }
}
