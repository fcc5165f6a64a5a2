// The quiz as a plain HTML form; with JavaScript, react-hook-form checks every answer first.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useMemo } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { fieldName, submissionSchema, type PublicQuestion } from "~/domain/quiz";

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
  multiple: "Une ou plusieurs bonnes réponses : cochez-les toutes.",
  truefalse: "Vrai ou faux ?",
  matching: "Associez chaque élément de gauche à un élément de la liste.",
  ordering: "Indiquez la position de chaque étape (1 = la première).",
  numeric: "Répondez par un nombre.",
  text: "Répondez en quelques mots.",
};

function errorFor(q: PublicQuestion, errors: FieldErrors, serverErrors: Record<string, string> | undefined): string | undefined {
  const keys = [fieldName(q.id), ...(q.left ?? []).map((row) => fieldName(q.id, row.key))];
  for (const key of keys) {
    const message = (errors[key]?.message as string | undefined) ?? serverErrors?.[key];
    if (message) return message;
  }
  return undefined;
}

export function QuizForm({ attemptId, questions, passMark, values, serverErrors, formError }: Props) {
  const schema = useMemo(() => submissionSchema(questions), [questions]);
  const submit = useSubmit();
  const navigation = useNavigation();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitted },
    setFocus,
  } = useForm({ resolver: zodResolver(schema), shouldFocusError: true });
  const busy = navigation.state === "submitting";

  useEffect(() => {
    const first = serverErrors ? Object.keys(serverErrors)[0] : undefined;
    if (first) setFocus(first);
  }, [serverErrors, setFocus]);

  const clientErrorCount = Object.keys(errors).length;

  return (
    <Form
      method="post"
      noValidate
      onSubmit={(event) => {
        const form = event.currentTarget;
        void handleSubmit(() => submit(form, { preventScrollReset: false }))(event);
      }}
      aria-describedby="quiz-consigne"
      className="space-y-6"
    >
      <input type="hidden" name="intent" value="envoyer" />
      <input type="hidden" name="attemptId" value={attemptId} />
      <p id="quiz-consigne" className="text-slate-700">
        {questions.length} questions. Répondez à toutes les questions, puis envoyez vos réponses. Seuil de réussite : {passMark} %.
      </p>
      {formError || (isSubmitted && clientErrorCount > 0) ? (
        <div role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
          {formError ?? `Il reste ${clientErrorCount > 1 ? "des questions" : "une question"} sans réponse : elles sont signalées ci-dessous.`}
        </div>
      ) : null}
      <ol className="space-y-5">
        {questions.map((q, index) => {
          const error = errorFor(q, errors, serverErrors);
          const errorId = `erreur-${q.id}`;
          const describedBy = error ? errorId : undefined;
          return (
            <li key={q.id} className="card" data-question-id={q.id} data-question-type={q.type}>
              <fieldset aria-describedby={describedBy}>
                <legend className="text-lg font-semibold">
                  <span className="mr-2 text-slate-600">Question {index + 1}</span>
                  {q.case ? <span className="mb-2 block rounded bg-slate-100 px-3 py-2 font-normal italic">{q.case}</span> : null}
                  <span className="block">{q.prompt}</span>
                </legend>
                <p className="mt-1 text-sm text-slate-600">{TYPE_HINTS[q.type]}</p>
                <div className="mt-3">
                  <QuestionInputs q={q} register={register} invalid={Boolean(error)} values={values ?? {}} />
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
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? "Envoi…" : "Envoyer mes réponses"}
      </button>
    </Form>
  );
}

function QuestionInputs({
  q,
  register,
  invalid,
  values,
}: {
  q: PublicQuestion;
  register: ReturnType<typeof useForm>["register"];
  invalid: boolean;
  values: Record<string, string | string[]>;
}) {
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
                <input id={id} type={type} value={c.value} defaultChecked={kept(name).includes(c.value)} className="mt-1 h-5 w-5 shrink-0" {...aria} {...register(name)} />
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
                <select id={id} className="field-input" defaultValue={kept(id)[0] ?? ""} {...aria} {...register(id)}>
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
      return (
        <div className="space-y-3">
          {(q.left ?? []).map((row) => {
            const id = fieldName(q.id, row.key);
            return (
              <div key={row.key} className="grid gap-1 sm:grid-cols-[8rem_1fr] sm:items-center sm:gap-3">
                <select id={id} className="field-input" defaultValue={kept(id)[0] ?? ""} aria-label={`Position de : ${row.text}`} {...aria} {...register(id)}>
                  <option value="">Position</option>
                  {(q.left ?? []).map((_, i) => (
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
    case "numeric":
      return (
        <div className="flex items-center gap-2">
          <label htmlFor={name} className="sr-only">
            Votre réponse (nombre)
          </label>
          <input id={name} type="text" inputMode="decimal" autoComplete="off" defaultValue={kept(name)[0] ?? ""} className="field-input max-w-[10rem]" {...aria} {...register(name)} />
          {q.unit ? <span>{q.unit}</span> : null}
        </div>
      );
    case "text":
      return (
        <div>
          <label htmlFor={name} className="sr-only">
            Votre réponse
          </label>
          <input id={name} type="text" autoComplete="off" maxLength={200} defaultValue={kept(name)[0] ?? ""} className="field-input max-w-md" {...aria} {...register(name)} />
        </div>
      );
  }
}
