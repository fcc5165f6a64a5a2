// The integration path as a timeline of phases; each step shows its status, due date and details.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { TextArea } from "~/components/field";
import { NO_PATIENT_DATA_HINT } from "~/forms/patient-data";
import type { PathView, PathStepView } from "~/models/path.server";
import { formatDay } from "~/utils/dates";

const STATUS_STYLES: Record<string, string> = {
  termine: "border-emerald-500 bg-emerald-50 text-emerald-900",
  a_valider: "border-sky-500 bg-sky-50 text-sky-900",
  en_retard: "border-red-600 bg-red-50 text-red-900",
  a_faire: "border-slate-400 bg-white text-slate-800",
};

export function StepStatusBadge({ step }: { step: PathStepView }) {
  return (
    <span className={`inline-block rounded-full border-2 px-2.5 py-0.5 text-sm font-semibold ${STATUS_STYLES[step.status]}`}>
      {step.status === "termine" ? "✓ " : step.status === "en_retard" ? "! " : ""}
      {step.statusLabel}
      {step.status === "en_retard" ? ` (${step.daysLate} j)` : ""}
    </span>
  );
}

export function PathTimeline({ path, actions }: { path: PathView; actions?: (step: PathStepView) => ReactNode }) {
  return (
    <ol className="space-y-8">
      {path.phases.map((phase) => {
        const done = phase.steps.filter((s) => s.status === "termine").length;
        return (
          <li key={phase.id} aria-labelledby={`phase-${phase.id}`} className="border-l-4 border-brand-600 pl-4">
            <h2 id={`phase-${phase.id}`} className="text-2xl font-bold">
              {phase.title}{" "}
              <span className="text-base font-normal text-slate-700">
                ({done} sur {phase.steps.length})
              </span>
            </h2>
            <ul className="mt-3 space-y-3">
              {phase.steps.map((step) => (
                <li key={step.id} id={`etape-${step.id}`} className="card scroll-mt-4 space-y-2" data-step={step.key} data-status={step.status}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <p className="text-sm font-bold uppercase tracking-wide text-brand-700">{step.kindLabel}</p>
                      <h3 className="text-lg font-semibold">{step.title}</h3>
                    </div>
                    <StepStatusBadge step={step} />
                  </div>
                  <p className="text-slate-800">{step.description}</p>
                  <p className="text-sm text-slate-700">
                    Échéance : {formatDay(step.dueDate)}
                    {step.requiresTutor ? " · validation par la tutrice" : ""}
                  </p>
                  {step.contact ? <p className="text-sm">Contact : {step.contact}</p> : null}
                  {step.link ? (
                    <p className="text-sm">
                      <a href={step.link} rel="noreferrer" target="_blank">
                        Ouvrir le document du service<span className="sr-only"> (nouvelle fenêtre)</span>
                      </a>
                    </p>
                  ) : null}
                  {step.moduleId ? (
                    <p className="text-sm">
                      <Link to={`/modules/${step.moduleId}`}>Ouvrir le module</Link>
                    </p>
                  ) : null}
                  {step.ficheId ? (
                    <p className="text-sm">
                      <Link to={`/fiches-reflexes/${step.ficheId}`}>Ouvrir la fiche réflexe</Link>
                    </p>
                  ) : null}
                  {step.doneComment ? <p className="text-sm italic">Votre commentaire : « {step.doneComment} »</p> : null}
                  {step.validatedAt ? (
                    <p className="text-sm text-emerald-900">
                      Validé le {formatDay(step.validatedAt)}
                      {step.validationComment ? ` : « ${step.validationComment} »` : ""}
                    </p>
                  ) : null}
                  {actions?.(step)}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

/** Points d'étape, newest first, as the mentee and her tutor read them. */
export function CheckpointList({ checkpoints }: { checkpoints: { id: string; heldOn: string; tutorName: string; notes: string; actions: string | null }[] }) {
  return (
    <ul className="space-y-3">
      {checkpoints.map((c) => (
        <li key={c.id} className="card">
          <p className="font-semibold">
            {formatDay(c.heldOn)} — avec {c.tutorName}
          </p>
          <p className="whitespace-pre-line">{c.notes}</p>
          {c.actions ? (
            <p className="mt-2 whitespace-pre-line">
              <strong>Actions convenues :</strong> {c.actions}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A short titled list of steps with their due dates (what awaits validation, what is late). */
export function StepList({ title, tone, steps }: { title: string; tone: "info" | "alert"; steps: { id: string; title: string; dueDate: string }[] }) {
  if (steps.length === 0) return null;
  return (
    <div>
      <p className={`font-semibold ${tone === "alert" ? "text-red-800" : "text-sky-900"}`}>
        {title} ({steps.length}) :
      </p>
      <ul className="list-disc pl-6">
        {steps.map((s) => (
          <li key={s.id}>
            {s.title} (échéance {formatDay(s.dueDate)})
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A form on one step of the timeline: one button, and a comment she may add, folded away. */
export function StepCommentForm({
  intent,
  step,
  idPrefix,
  commentLabel,
  submitLabel,
  defaultComment = "",
  error,
  busy,
}: {
  intent: string;
  step: PathStepView;
  idPrefix: string;
  commentLabel: string;
  submitLabel: string;
  defaultComment?: string;
  /** Why the server refused the comment, shown under it. */
  error?: string;
  busy: boolean;
}) {
  return (
    <Form method="post" className="space-y-2">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="stepId" value={step.id} />
      {/* Open when a refused submission brought her comment back, so that she sees it. */}
      <details open={defaultComment || error ? true : undefined}>
        <summary className="cursor-pointer text-sm font-semibold">Ajouter un commentaire (facultatif)</summary>
        <TextArea
          name="comment"
          id={`${idPrefix}-${step.id}`}
          label={commentLabel}
          hint={NO_PATIENT_DATA_HINT}
          maxLength={500}
          rows={2}
          defaultValue={defaultComment}
          error={error}
        />
      </details>
      <button type="submit" className="btn-primary" disabled={busy}>
        {submitLabel}
        <span className="sr-only"> : {step.title}</span>
      </button>
    </Form>
  );
}
