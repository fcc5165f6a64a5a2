// The quiz section of a page: the open draw, or a button to start one, and the past attempts. Shared by
// modules, block assessments, positioning tests, update and renewal quizzes.
import { lazy, memo, Suspense, type ComponentProps, type ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import type { OpenAttempt } from "~/models/progress.server";
import { FormMessage } from "./field";
import type { QuizForm } from "./quiz-form";
import { QuizForm as ServerQuizForm } from "./quiz-form.server";
import { AttemptsTable } from "./quiz-result";

/**
 * The quiz form's code (with its ordering list and checks) is not part of the page's first download:
 * most visits read a module without an open draw. The server renders the form as usual (it works
 * without JavaScript); the browser loads its code when the page shows a form — right away when the
 * server's HTML has one, which it then hydrates — or when she is about to start a quiz.
 */
let quizFormModule: Promise<typeof import("./quiz-form")> | null = null;
const loadQuizForm = () =>
  (quizFormModule ??= import("./quiz-form").catch((error: unknown) => {
    quizFormModule = null; // try again next time
    throw error;
  }));
/** Fetches the form's code ahead of need; a failure is left to the form itself to report. */
const prefetchQuizForm = () => void loadQuizForm().catch(() => undefined);
const BrowserQuizForm = lazy(() => loadQuizForm().then((m) => ({ default: m.QuizForm })));
if (typeof document !== "undefined" && document.querySelector("form[data-quiz-form]")) prefetchQuizForm();

/** Memoised: a Suspense boundary still waiting for its code must not receive new props while it hydrates. */
const DeferredQuizForm = memo(function DeferredQuizForm(props: ComponentProps<typeof QuizForm>) {
  return (
    <Suspense fallback={<p className="card text-slate-700">Chargement du quiz…</p>}>
      {typeof document === "undefined" ? <ServerQuizForm {...props} /> : <BrowserQuizForm {...props} />}
    </Suspense>
  );
});

type Props = {
  heading: string;
  openAttempt: OpenAttempt | null;
  attempts: Parameters<typeof AttemptsTable>[0]["attempts"];
  actionData?: { formError?: string | null; fieldErrors?: Record<string, string>; values?: Record<string, string | string[]> };
  intro: ReactNode;
  startLabel: string;
  restartLabel: string;
  /** False where there is nothing to pass (positioning tests). */
  verdict?: boolean;
};

export function QuizSection({ heading, openAttempt, attempts, actionData, intro, startLabel, restartLabel, verdict }: Props) {
  return (
    <section id="quiz" aria-labelledby="quiz-titre" className="space-y-4" tabIndex={-1} data-focus-on-arrival>
      <h2 id="quiz-titre" className="text-2xl font-bold">
        {heading}
      </h2>
      {openAttempt ? (
        <DeferredQuizForm key={openAttempt.id} attemptId={openAttempt.id} questions={openAttempt.questions} passMark={openAttempt.passMark} values={actionData?.values} serverErrors={actionData?.fieldErrors} formError={actionData?.formError} />
      ) : (
        <Form method="post" className="card space-y-3">
          {actionData?.formError ? <FormMessage kind="error">{actionData.formError}</FormMessage> : null}
          {intro}
          <button type="submit" name="intent" value="commencer" className="btn-primary" onPointerEnter={prefetchQuizForm} onFocus={prefetchQuizForm} onTouchStart={prefetchQuizForm}>
            {attempts.length > 0 ? restartLabel : startLabel}
          </button>
        </Form>
      )}
      <AttemptsTable attempts={attempts} verdict={verdict} />
    </section>
  );
}

/** The header of a block's own quiz page (final assessment, positioning test): breadcrumb, title, summary. */
export function BlockQuizHeader({ block, title, summary, children }: { block: { id: string; number: number; title: string }; title: string; summary: string; children: ReactNode }) {
  return (
    <header className="space-y-3">
      <nav aria-label="Fil d'Ariane" className="text-sm font-semibold">
        <Link to="/blocs">Blocs de compétences</Link> › <Link to={`/blocs/${block.id}`}>Bloc {block.number} — {block.title}</Link>
      </nav>
      <h1 className="text-3xl font-bold leading-tight">{title}</h1>
      <p className="max-w-3xl text-lg text-slate-700">{summary}</p>
      <p className="max-w-3xl text-sm">{children}</p>
    </header>
  );
}
