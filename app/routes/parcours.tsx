import { plural } from "~/utils/typography";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormMessage, TextArea } from "~/components/field";
import { CheckpointList, PathTimeline, StepCommentForm } from "~/components/path-timeline";
import { ProgressBar } from "~/components/progress-bar";
import { getCompetency } from "~/content/modules.server";
import { commentSchema, reportSchema, stepDoneSchema, stepIdSchema } from "~/forms/integration.server";
import { NO_PATIENT_DATA_HINT } from "~/forms/patient-data";
import { getPath, markStepDone, pathView, unmarkStep } from "~/models/path.server";
import type { PathStepView } from "~/models/path.server";
import { peopleAround } from "~/models/people.server";
import { commentValidation, getReport, listCheckpoints, listValidations, saveReport } from "~/models/tutoring.server";
import { requireUser } from "~/models/permissions.server";
import { fieldErrors, formDataToObject } from "~/utils/forms";
import { LEVEL_LABELS } from "~/domain/vocabulary";
import { readForm } from "~/utils/http.server";
import { formatDay, parisDay } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Mon parcours d'intégration — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const today = parisDay();
  const [rows, people, report, checkpoints, validations] = await Promise.all([
    getPath(user.id),
    peopleAround(user.id),
    getReport(user.id),
    listCheckpoints(user.id),
    listValidations(user.id),
  ]);
  return {
    path: pathView(rows, today),
    hasPath: rows.length > 0,
    people,
    report,
    checkpoints,
    validations: currentValidations(validations),
  };
}

/** Her validations still in force, each named by its competency and level. */
function currentValidations(validations: Awaited<ReturnType<typeof listValidations>>) {
  return validations
    .filter((v) => !v.supersededAt)
    .map((v) => ({ ...v, competency: getCompetency(v.competencyId)?.title ?? v.competencyId, levelLabel: LEVEL_LABELS[v.level] }));
}

type FormValues = Record<string, string | string[]>;
type Result = { intent: FormValues[string] | undefined; ok: boolean; message: string; errors: Record<string, string>; values: FormValues };
type IntentContext = { intent: string; form: FormValues; userId: string };

const fail = (intent: Result["intent"], message: string, status: number, errors: Record<string, string> = {}, values: FormValues = {}) =>
  data<Result>({ intent, ok: false, message, errors, values }, { status });
const done = (intent: string, message: string) => ({ intent, ok: true, message, errors: {}, values: {} }) satisfies Result;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = formDataToObject(await readForm(request));
  const intent = form.intent;
  switch (intent) {
    case "fait":
      return markDone({ intent, form, userId: user.id });
    case "annuler":
      return undoStep({ intent, form, userId: user.id });
    case "rapport":
      return saveReportIntent({ intent, form, userId: user.id });
    case "commenter":
      return commentIntent({ intent, form, userId: user.id });
    default:
      return fail(intent, "Action inconnue.", 400, {}, form);
  }
}

async function markDone({ intent, form, userId }: IntentContext) {
  const parsed = stepDoneSchema.safeParse(form);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error); // its error is also the form's message, seen first: the comment sits in a fold
    return fail(intent, errors.comment ?? "Cette étape n'a pas pu être enregistrée : rechargez la page.", 400, errors, form);
  }
  if (!(await markStepDone({ learnerId: userId, stepId: parsed.data.stepId, comment: parsed.data.comment })))
    return fail(intent, "Cette étape n'existe pas dans votre parcours, ou se valide autrement (un module se termine en réussissant son quiz).", 404, {}, form);
  return done(intent, "Étape enregistrée. Bravo !");
}

async function undoStep({ intent, form, userId }: IntentContext) {
  const parsed = stepIdSchema.safeParse(form);
  if (!parsed.success || !(await unmarkStep({ learnerId: userId, stepId: parsed.data.stepId })))
    return fail(intent, "Cette étape ne peut plus être modifiée (elle a peut-être déjà été validée).", 409, {}, form);
  return done(intent, "L'étape est de nouveau à faire.");
}

async function saveReportIntent({ intent, form, userId }: IntentContext) {
  const parsed = reportSchema.safeParse(form);
  if (!parsed.success) return fail(intent, "Votre rapport n'est pas encore complet : voyez les champs signalés.", 400, fieldErrors(parsed.error), form);
  await saveReport({ learnerId: userId, report: parsed.data });
  return done(intent, "Merci ! Votre rapport d'étonnement est enregistré ; votre tutrice et votre cadre peuvent le lire.");
}

async function commentIntent({ intent, form, userId }: IntentContext) {
  const parsed = commentSchema.safeParse(form);
  if (!parsed.success) return fail(intent, "Écrivez votre commentaire avant de l'enregistrer.", 400, fieldErrors(parsed.error), form);
  if (!(await commentValidation({ learnerId: userId, validationId: parsed.data.validationId, comment: parsed.data.comment })))
    return fail(intent, "Cette validation n'existe pas dans votre dossier.", 404, {}, form);
  return done(intent, "Votre commentaire est enregistré.");
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
/** What the last submission left for the forms: its values and errors, and whether one is under way. */
type Feedback = { busy: boolean; values: Record<string, string>; errors: Record<string, string> };

export default function Parcours() {
  const { path, hasPath, people, report, checkpoints, validations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const feedback: Feedback = {
    busy: navigation.state !== "idle",
    values: (result?.values ?? {}) as Record<string, string>,
    errors: (result?.errors ?? {}) as Record<string, string>,
  };

  return (
    <div className="space-y-8">
      <PathHeader path={path} hasPath={hasPath} />
      {result?.message ? <FormMessage kind={result.ok ? "success" : "error"}>{result.message}</FormMessage> : null}
      <Contacts people={people} />
      {hasPath ? <PathTimeline path={path} actions={(step) => <StepActions step={step} feedback={feedback} />} /> : null}
      {hasPath ? <ReportForm report={report} feedback={feedback} /> : null}
      <Checkpoints checkpoints={checkpoints} />
      <ValidationComments validations={validations} feedback={feedback} />
    </div>
  );
}

/** The title and how far along her path she is. */
function PathHeader({ path, hasPath }: { path: Data["path"]; hasPath: boolean }) {
  return (
    <header className="space-y-3">
      <h1 className="text-3xl font-bold">Mon parcours d'intégration</h1>
      {hasPath ? (
        <div className="card max-w-xl">
          <ProgressBar percent={path.summary.percent} label={`Étapes terminées : ${path.summary.done} sur ${path.summary.total}`} />
          <p className="mt-2 text-sm">
            {path.summary.late > 0 ? (
              <strong className="text-red-800">{plural(path.summary.late, "étape en retard", "étapes en retard")}. </strong>
            ) : (
              "Aucune étape en retard. "
            )}
            {path.summary.awaiting > 0
              ? `${path.summary.awaiting > 1 ? `${path.summary.awaiting} étapes attendent` : "1 étape attend"} la validation de votre tutrice.`
              : ""}
          </p>
        </div>
      ) : (
        <p className="card">Vous n'avez pas de parcours d'intégration : il est créé pour chaque nouvelle recrue à l'ouverture de son compte.</p>
      )}
    </header>
  );
}

/** Her tutor, her cadre and her service. */
function Contacts({ people }: { people: Data["people"] }) {
  return (
    <section aria-labelledby="contacts" className="card grid gap-4 sm:grid-cols-2">
      <h2 id="contacts" className="sr-only">
        Vos contacts
      </h2>
      <div>
        <p className="font-bold">Votre tutrice ou tuteur</p>
        {people.tutor ? (
          <p>
            {people.tutor.name} — <a href={`mailto:${people.tutor.email}`}>{people.tutor.email}</a>
          </p>
        ) : (
          <p>Pas encore désigné·e : votre cadre s'en occupe.</p>
        )}
      </div>
      <div>
        <p className="font-bold">Votre cadre</p>
        {people.managers.length ? (
          people.managers.map((m) => (
            <p key={m.email}>
              {m.name} — <a href={`mailto:${m.email}`}>{m.email}</a>
            </p>
          ))
        ) : (
          <p>Non renseigné.</p>
        )}
      </div>
      {people.service ? (
        <div className="sm:col-span-2">
          <p className="font-bold">Votre service : {people.service.name}</p>
          {people.service.description ? <p>{people.service.description}</p> : null}
        </div>
      ) : null}
    </section>
  );
}

/** What she may do on a step of the timeline: say it is done, or take that back until her tutor validates it. */
function StepActions({ step, feedback }: { step: PathStepView; feedback: Feedback }) {
  if (step.kind === "module" || step.kind === "rapport") return null; // a module ends with its quiz, the report with its form
  if (!step.doneAt) return <StepDoneForm step={step} feedback={feedback} />;
  if (!step.validatedAt) return <UndoStepForm step={step} busy={feedback.busy} />;
  return null;
}

function StepDoneForm({ step, feedback: { busy, values, errors } }: { step: PathStepView; feedback: Feedback }) {
  return (
    <StepCommentForm
      intent="fait"
      step={step}
      idPrefix="commentaire"
      commentLabel="Votre commentaire"
      submitLabel="J'ai fait cette étape"
      defaultComment={values.stepId === step.id ? values.comment : ""}
      error={values.intent === "fait" && values.stepId === step.id ? errors.comment : undefined}
      busy={busy}
    />
  );
}

function UndoStepForm({ step, busy }: { step: PathStepView; busy: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="annuler" />
      <input type="hidden" name="stepId" value={step.id} />
      <button type="submit" className="btn-secondary" disabled={busy}>
        Marquer comme non fait<span className="sr-only"> : {step.title}</span>
      </button>
    </Form>
  );
}

/** Her « rapport d'étonnement », written or completed at the end of her first month. */
function ReportForm({ report, feedback: { busy, values, errors } }: { report: Data["report"]; feedback: Feedback }) {
  return (
    <section aria-labelledby="rapport" className="card space-y-4">
      <h2 id="rapport" className="text-2xl font-bold">
        Mon rapport d'étonnement
      </h2>
      <p>
        À la fin de votre premier mois, notez vos premières impressions. Il n'y a pas de bonne ou de mauvaise réponse : votre regard neuf aide le service à
        s'améliorer.
      </p>
      {report ? <p className="text-sm text-slate-700">Enregistré le {formatDay(report.submittedAt)} ; vous pouvez le compléter.</p> : null}
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="rapport" />
        <p className="text-sm text-slate-700">{NO_PATIENT_DATA_HINT}</p>
        <TextArea
          name="surprises"
          label="Ce qui m'a surprise"
          maxLength={2000}
          required
          defaultValue={values.surprises ?? report?.surprises}
          error={errors.surprises}
        />
        <TextArea name="helped" label="Ce qui m'a aidée" maxLength={2000} required defaultValue={values.helped ?? report?.helped} error={errors.helped} />
        <TextArea
          name="suggestions"
          label="Ce que je proposerais"
          maxLength={2000}
          required
          defaultValue={values.suggestions ?? report?.suggestions}
          error={errors.suggestions}
        />
        <button type="submit" className="btn-primary" disabled={busy}>
          Enregistrer mon rapport
        </button>
      </Form>
    </section>
  );
}

/** The checkpoints her tutor wrote after each meeting. */
function Checkpoints({ checkpoints }: { checkpoints: Data["checkpoints"] }) {
  return (
    <section aria-labelledby="points" className="space-y-3">
      <h2 id="points" className="text-2xl font-bold">
        Mes points d'étape
      </h2>
      {checkpoints.length === 0 ? (
        <p>Aucun point d'étape pour l'instant. Votre tutrice les note ici après chaque entretien.</p>
      ) : (
        <CheckpointList checkpoints={checkpoints} />
      )}
    </section>
  );
}

/** The competencies her tutor observed, each with her own comment. */
function ValidationComments({ validations, feedback }: { validations: Data["validations"]; feedback: Feedback }) {
  return (
    <section aria-labelledby="competences" className="space-y-3">
      <h2 id="competences" className="text-2xl font-bold">
        Mes compétences observées en situation
      </h2>
      {validations.length === 0 ? (
        <p>
          Votre tutrice n'a encore validé aucune compétence. Consultez les <Link to="/blocs">blocs de compétences</Link> pour voir ce qui sera observé.
        </p>
      ) : (
        <ul className="space-y-3">
          {validations.map((v) => (
            <ValidationItem key={v.id} validation={v} feedback={feedback} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ValidationItem({ validation: v, feedback: { busy, values, errors } }: { validation: Data["validations"][number]; feedback: Feedback }) {
  return (
    <li className="card space-y-2" data-validation={v.competencyId}>
      <p className="font-semibold">
        {v.competency} — {v.levelLabel}
      </p>
      <p className="text-sm text-slate-700">
        Observé le {formatDay(v.observedOn)} par {v.validatedByName}
        {v.correctsId ? " (validation corrigée)" : ""}
      </p>
      <p>{v.evidence}</p>
      {v.learnerComment ? <p className="italic">Mon commentaire : « {v.learnerComment} »</p> : null}
      <Form method="post" className="space-y-2">
        <input type="hidden" name="intent" value="commenter" />
        <input type="hidden" name="validationId" value={v.id} />
        <TextArea
          name="comment"
          id={`avis-${v.id}`}
          label={v.learnerComment ? "Modifier mon commentaire" : "Ajouter mon commentaire"}
          hint={NO_PATIENT_DATA_HINT}
          maxLength={1000}
          rows={2}
          defaultValue={values.validationId === v.id ? values.comment : ""}
          error={values.validationId === v.id ? errors.comment : undefined}
        />
        <button type="submit" className="btn-secondary" disabled={busy}>
          Enregistrer mon commentaire
        </button>
      </Form>
    </li>
  );
}
