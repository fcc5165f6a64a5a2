// A submitted quiz: score, each question with the answer given and the expected one side by side (ordering
// and matching answers as lists) and its explanation; and the table of past attempts. Shared by module
// quizzes and block assessments.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDateTime } from "~/utils/dates";
import { parseAnswerList } from "./answer-list";

export type QuizResultView = {
  id: string;
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  questions: {
    id: string;
    /** The situation the question starts from, kept above it as in the quiz. */
    case: string | null;
    prompt: string;
    correct: boolean;
    given: string;
    expected: string;
    explanation: string;
    /** For a missed question: the module section that teaches it (`moduleTitle` when it is another module). */
    reread: { href: string; title: string; moduleTitle: string | null } | null;
  }[];
};

/** `next`: what comes after a passed quiz (the next module of the block), shown in the score card. */
export function QuizResult({ result, passMark, passedMessage, failedMessage, next }: { result: QuizResultView; passMark: number; passedMessage: string; failedMessage?: string; next?: ReactNode }) {
  return (
    <section id="resultat" aria-labelledby="resultat-titre" className="space-y-4" tabIndex={-1} data-focus-on-arrival>
      <h2 id="resultat-titre" className="text-2xl font-bold">
        Résultat du quiz
      </h2>
      <div className={`card border-l-4 ${result.passed ? "border-l-emerald-700" : "border-l-amber-700"}`} role="status">
        <p className="text-2xl font-bold" data-testid="score">
          {result.score}&nbsp;% — {result.correctCount} bonne{result.correctCount > 1 ? "s" : ""} réponse{result.correctCount > 1 ? "s" : ""} sur {result.total}
        </p>
        {result.passed ? (
          <p className="mt-1 text-lg font-bold text-emerald-800" data-celebration>
            <span aria-hidden="true">🎉 </span>Bravo&nbsp;!
          </p>
        ) : null}
        <p className="mt-1 font-semibold">
          {result.passed ? passedMessage : failedMessage ?? `Quiz non réussi (seuil\u00a0: ${passMark}\u00a0%). Relisez les explications puis retentez votre chance\u00a0: un nouveau tirage vous attend.`}
        </p>
        {result.passed && next ? <p className="mt-3">{next}</p> : null}
      </div>
      <ol className="space-y-3">
        {result.questions.map((q, i) => (
          <li key={q.id} className="card" data-result={q.correct ? "correct" : "incorrect"}>
            {q.case ? <p className="mb-2 rounded bg-slate-100 px-3 py-2 italic">{q.case}</p> : null}
            <p className="font-semibold">
              Question {i + 1}&nbsp;: {q.prompt}
            </p>
            <p className={`mt-1 font-bold ${q.correct ? "text-emerald-800" : "text-red-800"}`}>{q.correct ? "✓ Bonne réponse" : "✗ Réponse incorrecte"}</p>
            <div className={`mt-2 grid gap-3 ${q.correct ? "" : "sm:grid-cols-2"}`}>
              <div>
                <p className="font-semibold">Votre réponse&nbsp;:</p>
                <Answer text={q.given} compareTo={q.correct ? undefined : q.expected} />
              </div>
              {!q.correct ? (
                <div>
                  <p className="font-semibold">Réponse attendue&nbsp;:</p>
                  <Answer text={q.expected} />
                </div>
              ) : null}
            </div>
            <p className="mt-2 rounded bg-slate-100 px-3 py-2">
              <span className="font-semibold">Explication&nbsp;:</span> {q.explanation}
            </p>
            {q.reread ? (
              <p className="mt-2">
                <a href={q.reread.href} data-reread>
                  Relire la section «&nbsp;{q.reread.title}&nbsp;»{q.reread.moduleTitle ? ` du module «\u00a0${q.reread.moduleTitle}\u00a0»` : ""}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * An answer as text, or as a list for ordering and matching questions. With `compareTo` (the expected
 * answer), the lines that differ from it are marked.
 */
function Answer({ text, compareTo }: { text: string; compareTo?: string }) {
  const list = parseAnswerList(text);
  if (!list) return <p>{text}</p>;
  const expected = compareTo ? parseAnswerList(compareTo) : null;
  const lines = list.kind === "ordering" ? list.items : list.pairs.map((p) => `${p.left} → ${p.right}`);
  const expectedLines = expected?.kind === "ordering" ? expected.items : expected?.kind === "matching" ? expected.pairs.map((p) => `${p.left} → ${p.right}`) : null;
  const differs = (i: number) => expectedLines !== null && expectedLines[i] !== lines[i];
  const rows = lines.map((line, i) => {
    const pair = list.kind === "matching" ? list.pairs[i]! : null;
    return (
      <li key={i} className={differs(i) ? "font-semibold text-red-800" : undefined}>
        {pair ? (
          <>
            {pair.left} <span aria-hidden="true">→</span>
            <span className="sr-only">&nbsp;:</span> {pair.right}
          </>
        ) : (
          line
        )}
        {differs(i) ? (
          <>
            {" "}
            <span aria-hidden="true">✗</span>
            <span className="sr-only">(différent de la réponse attendue)</span>
          </>
        ) : null}
      </li>
    );
  });
  return list.kind === "ordering" ? <ol className="list-decimal space-y-1 pl-6">{rows}</ol> : <ul className="list-disc space-y-1 pl-6">{rows}</ul>;
}

function formatDuration(seconds: number | null) {
  if (seconds == null) return "—";
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} min ${String(s).padStart(2, "0")} s` : `${s} s`;
}

export function AttemptsTable({
  attempts,
  verdict = true,
}: {
  attempts: { id: string; submittedAt: string | null; score: number | null; passed: boolean | null; durationSeconds: number | null }[];
  /** False where there is nothing to pass (positioning tests). */
  verdict?: boolean;
}) {
  if (attempts.length === 0) return null;
  return (
    <div>
      <h3 className="text-lg font-semibold">Vos tentatives</h3>
      <table className="mt-2 w-full border-collapse text-left">
        <thead>
          <tr>
            <th className="border-b border-slate-300 py-2 pr-3">Date</th>
            <th className="border-b border-slate-300 py-2 pr-3">Score</th>
            <th className="border-b border-slate-300 py-2 pr-3">Durée</th>
            <th className="border-b border-slate-300 py-2">Détail</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id}>
              <td className="border-b border-slate-200 py-2 pr-3">{a.submittedAt ? formatDateTime(a.submittedAt) : "—"}</td>
              <td className="border-b border-slate-200 py-2 pr-3">
                {a.score} %{verdict ? (a.passed ? " (réussi)" : " (non réussi)") : ""}
              </td>
              <td className="border-b border-slate-200 py-2 pr-3">{formatDuration(a.durationSeconds)}</td>
              <td className="border-b border-slate-200 py-2">
                <Link to={`?tentative=${a.id}#resultat`}>Voir les réponses</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
