import { plural } from "~/utils/typography";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormMessage, SelectField, TextArea, TextField } from "~/components/field";
import { CheckpointList, PathTimeline, StepCommentForm } from "~/components/path-timeline";
import { ProgressBar } from "~/components/progress-bar";
import { getCompetency, getReferential } from "~/content/modules.server";
import { checkpointSchema, complementSchema, correctionSchema, reviewSchema, validateStepSchema, validationSchema } from "~/forms/integration.server";
import { NO_PATIENT_DATA_HINT } from "~/forms/patient-data";
import { observationProgress } from "~/domain/integration-path";
import { LEVEL_LABELS, LEVELS } from "~/domain/vocabulary";
import { attestComplement, certificationSummary, issueCertificates } from "~/models/certificate-registry.server";
import { competenciesValidatedByTest } from "~/models/positioning.server";
import { getPath, pathView, validateStep } from "~/models/path.server";
import { addCheckpoint, addReview, addValidation, correctValidation, getReport, listCheckpoints, listReviews, listValidations } from "~/models/tutoring.server";
import { requireLearnerAccess } from "~/models/permissions.server";
import { fieldErrors, formDataToObject } from "~/utils/forms";
import { clientAddress, readForm } from "~/utils/http.server";
import { formatDay, parisDay } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.mentee.name ?? "Suivi"} — Tutorat — Pivot` }];

export const OUTCOME_LABELS = {
  integration_reussie: "Intégration réussie",
  a_prolonger: "Intégration à prolonger",
  difficultes: "Difficultés à accompagner",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { learner: mentee, canTutor } = await requireLearnerAccess(request, params.personne);
  const today = parisDay();
  const [rows, checkpoints, validations, report, reviews, certification, byTest] = await Promise.all([
    getPath(mentee.id),
    listCheckpoints(mentee.id),
    listValidations(mentee.id),
    getReport(mentee.id),
    listReviews(mentee.id),
    certificationSummary(mentee.id),
    competenciesValidatedByTest(mentee.id),
  ]);
  const referential = getReferential();
  const observed = referential.blocks.flatMap((b) =>
    b.competencies.flatMap((c) =>
      LEVELS.filter((l) => c.levels[l].assessment !== "quiz").map((l) => ({
        competencyId: c.id,
        competency: c.title,
        level: l,
        levelLabel: LEVEL_LABELS[l],
        criteria: c.levels[l].criteria,
        ...observationProgress(validations, c.id, l, c.levels[l].observations ?? 1),
      })),
    ),
  );
  return {
    mentee: { id: mentee.id, name: mentee.name, email: mentee.email, hireDate: mentee.hireDate },
    canTutor,
    today,
    path: pathView(rows, today),
    checkpoints,
    validations: validations.map((v) => ({ ...v, competency: getCompetency(v.competencyId)?.title ?? v.competencyId, levelLabel: LEVEL_LABELS[v.level] })),
    competencies: referential.blocks.flatMap((b) => b.competencies.map((c) => ({ value: c.id, label: `Bloc ${b.number} — ${c.title}` }))),
    observed: observed.filter((o) => o.observed > 0 || o.level !== "approfondies"),
    report,
    reviews: reviews.map((r) => ({ ...r, outcomeLabel: OUTCOME_LABELS[r.outcome] })),
    certification,
    byTest: Object.fromEntries(
      referential.blocks.map((b) => [b.id, { validated: b.competencies.filter((c) => byTest.has(c.id)).length, total: b.competencies.length }]),
    ),
    complements: referential.complements.map((c) => ({ value: c.id, label: c.title })),
  };
}

type Result = { intent: string; ok: boolean; message: string; errors: Record<string, string>; values: Record<string, string | string[]> };
const fail = (intent: string, message: string, status: number, errors: Record<string, string> = {}, values: Record<string, string | string[]> = {}) =>
  data<Result>({ intent, ok: false, message, errors, values }, { status });

type FormValues = Record<string, string | string[]>;
type IntentContext = {
  intent: string;
  form: FormValues;
  mentee: { id: string };
  user: { id: string };
  /** The client's address, for the audit entries the models write with each change. */
  address: string;
};
const done = (intent: string, message: string) => ({ intent, ok: true, message, errors: {}, values: {} }) satisfies Result;

async function validateStepIntent({ intent, form, mentee, user, address }: IntentContext) {
  const parsed = validateStepSchema.safeParse(form);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error); // its error is also the form's message, seen first: the comment sits in a fold
    return fail(intent, errors.comment ?? "Étape introuvable : rechargez la page.", 400, errors, form);
  }
  if (!(await validateStep({ learnerId: mentee.id, stepId: parsed.data.stepId, tutorId: user.id, comment: parsed.data.comment, address })))
    return fail(intent, "Cette étape est déjà validée ou n'appartient pas à ce parcours.", 409, {}, form);
  return done(intent, "Étape validée.");
}

async function checkpointIntent({ intent, form, mentee, user }: IntentContext) {
  const parsed = checkpointSchema.safeParse(form);
  if (!parsed.success) return fail(intent, "Le point d'étape n'est pas enregistré : voyez les champs signalés.", 400, fieldErrors(parsed.error), form);
  await addCheckpoint({ learnerId: mentee.id, tutorId: user.id, checkpoint: parsed.data });
  return done(intent, "Point d'étape enregistré ; votre tutoré·e peut le lire.");
}

/** The observation of a competency as the form gives it, checked against the referential and the calendar. */
function observation({ intent, form }: IntentContext, schema: typeof validationSchema | typeof correctionSchema) {
  const parsed = schema.safeParse(form);
  if (!parsed.success) return { error: fail(intent, "La validation n'est pas enregistrée : voyez les champs signalés.", 400, fieldErrors(parsed.error), form) };
  if (!getCompetency(parsed.data.competencyId))
    return { error: fail(intent, "Compétence inconnue du référentiel.", 400, { competencyId: "Choisissez une compétence de la liste." }, form) };
  if (parsed.data.observedOn > parisDay())
    return {
      error: fail(intent, "Une observation ne peut pas être datée dans le futur.", 400, { observedOn: "La date ne peut pas être dans le futur." }, form),
    };
  const { competencyId, level, observedOn, evidence } = parsed.data;
  return { observed: { competencyId, level, observedOn, evidence } };
}

async function validateCompetencyIntent(ctx: IntentContext) {
  const { observed, error } = observation(ctx, validationSchema);
  if (error) return error;
  await addValidation({ learnerId: ctx.mentee.id, tutorId: ctx.user.id, validation: observed, address: ctx.address });
  await issueCertificates(ctx.mentee.id); // an observation may complete a block
  return done(ctx.intent, "Compétence validée.");
}

async function correctCompetencyIntent(ctx: IntentContext) {
  const { observed, error } = observation(ctx, correctionSchema);
  if (error) return error;
  const ok = await correctValidation({
    learnerId: ctx.mentee.id,
    validationId: String(ctx.form.validationId ?? ""),
    tutorId: ctx.user.id,
    validation: observed,
    address: ctx.address,
  });
  if (!ok) return fail(ctx.intent, "Cette validation a déjà été corrigée ou n'existe pas.", 409, {}, ctx.form);
  await issueCertificates(ctx.mentee.id);
  return done(ctx.intent, "Validation corrigée ; l'ancienne version reste dans l'historique.");
}

async function attestIntent({ intent, form, mentee, user, address }: IntentContext) {
  const parsed = complementSchema.safeParse(form);
  if (!parsed.success) return fail(intent, "L'attestation n'est pas délivrée : voyez les champs signalés.", 400, fieldErrors(parsed.error), form);
  if (!(await attestComplement({ learnerId: mentee.id, attestation: parsed.data, by: user.id, address })))
    return fail(intent, "Cette attestation existe déjà à ce niveau et n'est pas encore à renouveler, ou ce complément est inconnu.", 409, {}, form);
  return done(intent, "Attestation de complément délivrée ; elle figure parmi les certificats.");
}

async function reviewIntent({ intent, form, mentee, user }: IntentContext) {
  const parsed = reviewSchema.safeParse(form);
  if (!parsed.success) return fail(intent, "Le bilan n'est pas enregistré : voyez les champs signalés.", 400, fieldErrors(parsed.error), form);
  await addReview({ learnerId: mentee.id, by: user.id, review: parsed.data });
  return done(intent, "Bilan d'intégration enregistré.");
}

/** What only her tutor may do (a cadre of her service sees the page and may attest or record the review). */
const TUTOR_ONLY = new Set(["valider-etape", "point-etape", "valider-competence", "corriger-competence"]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, learner: mentee, canTutor } = await requireLearnerAccess(request, params.personne);
  const form = formDataToObject(await readForm(request));
  const intent = String(form.intent ?? "");
  if (TUTOR_ONLY.has(intent) && !canTutor) return fail(intent, "Seule la tutrice de cette personne peut faire cette action.", 403);
  const ctx: IntentContext = { intent, form, mentee, user, address: clientAddress(context) };
  switch (intent) {
    case "valider-etape":
      return validateStepIntent(ctx);
    case "point-etape":
      return checkpointIntent(ctx);
    case "valider-competence":
      return validateCompetencyIntent(ctx);
    case "corriger-competence":
      return correctCompetencyIntent(ctx);
    case "attestation":
      return attestIntent(ctx);
    case "bilan":
      return reviewIntent(ctx);
    default:
      return fail(intent, "Action inconnue.", 400);
  }
}

export default function Mentee() {
  const { mentee, canTutor, today, path, checkpoints, validations, competencies, observed, report, reviews, certification, byTest, complements } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const values = (result?.values ?? {}) as Record<string, string>;
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const err = (intent: string, field: string) => (result?.intent === intent ? errors[field] : undefined);
  const val = (intent: string, field: string) => (result?.intent === intent ? values[field] : undefined);
  const levelOptions = LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }));

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold">
          <a href="/tutorat">Tutorat</a> › {mentee.name}
        </p>
        <h1 className="text-3xl font-bold">Suivi de {mentee.name}</h1>
        <p className="text-slate-700">
          {mentee.hireDate ? `Arrivée le ${formatDay(mentee.hireDate)} · ` : ""}
          <a href={`mailto:${mentee.email}`}>{mentee.email}</a>
        </p>
        {path.summary.total > 0 ? (
          <div className="card max-w-xl">
            <ProgressBar percent={path.summary.percent} label={`Parcours : ${plural(path.summary.done, "étape", "étapes")} sur ${path.summary.total}`} />
            <p className="mt-2 text-sm">
              {path.summary.late} en retard · {path.summary.awaiting} à valider
            </p>
          </div>
        ) : null}
      </header>

      {result?.message ? <FormMessage kind={result.ok ? "success" : "error"}>{result.message}</FormMessage> : null}

      {canTutor ? (
        <section aria-labelledby="observer" className="card space-y-4">
          <h2 id="observer" className="text-2xl font-bold">
            Valider une compétence observée
          </h2>
          <p className="text-sm text-slate-700">En moins d'une minute : la compétence, le niveau, la date et une phrase sur la situation observée.</p>
          <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
            <input type="hidden" name="intent" value="valider-competence" />
            <p className="text-sm text-slate-700 sm:col-span-2">{NO_PATIENT_DATA_HINT}</p>
            <div className="sm:col-span-2">
              <SelectField
                name="competencyId"
                label="Compétence"
                options={competencies}
                placeholder="Choisir une compétence"
                required
                defaultValue={val("valider-competence", "competencyId")}
                error={err("valider-competence", "competencyId")}
              />
            </div>
            <SelectField
              name="level"
              label="Niveau observé"
              options={levelOptions}
              required
              defaultValue={val("valider-competence", "level") ?? "operationnelles"}
              error={err("valider-competence", "level")}
            />
            <TextField
              name="observedOn"
              type="date"
              label="Date de l'observation"
              required
              defaultValue={val("valider-competence", "observedOn") ?? today}
              error={err("valider-competence", "observedOn")}
            />
            <div className="sm:col-span-2">
              <TextArea
                name="evidence"
                label="Situation observée"
                hint="Par exemple : « a programmé trois rendez-vous urgents en appliquant la procédure »."
                maxLength={1000}
                rows={2}
                required
                defaultValue={val("valider-competence", "evidence")}
                error={err("valider-competence", "evidence")}
              />
            </div>
            <div>
              <button type="submit" className="btn-primary" disabled={busy}>
                Valider la compétence
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="certification-titre" className="card space-y-3">
        <h2 id="certification-titre" className="text-2xl font-bold">
          Parcours certifiant
        </h2>
        <p className="font-semibold">{certification.summary}</p>
        <ul className="grid gap-3 sm:grid-cols-3">
          {certification.blocks.map((b) => (
            <li key={b.id} className="rounded-md border border-slate-300 p-3" data-cert-block={b.id}>
              <p className="font-semibold">
                Bloc {b.number} — {b.title}
              </p>
              <p className="text-sm">{b.validatedLevel ? `Validé : connaissances ${b.validatedLevel}` : "Pas encore validé"}</p>
              {byTest[b.id]?.validated ? (
                <p className="text-sm">
                  Test de positionnement : {byTest[b.id]!.validated} compétence{byTest[b.id]!.validated > 1 ? "s" : ""} sur {byTest[b.id]!.total} validée
                  {byTest[b.id]!.validated > 1 ? "s" : ""} par test
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {certification.certificates.length ? (
          <ul className="list-disc pl-6">
            {certification.certificates.map((c) => (
              <li key={c.code}>
                <a href={`/certificats/${c.code}`}>{c.title}</a> — valide jusqu'au {formatDay(c.validUntil)}
                {c.status === "a_actualiser" ? (
                  <strong className="text-amber-900"> — à actualiser</strong>
                ) : c.status === "expire" ? (
                  " — expiré"
                ) : c.status === "revoque" ? (
                  " — révoqué"
                ) : c.status === "renouvele" ? (
                  " — renouvelé"
                ) : (
                  ""
                )}
              </li>
            ))}
          </ul>
        ) : null}
        <details>
          <summary className="cursor-pointer font-semibold">Délivrer une attestation de complément de spécialisation</summary>
          <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
            <input type="hidden" name="intent" value="attestation" />
            <div className="sm:col-span-2">
              <SelectField
                name="complementId"
                label="Complément"
                placeholder="Choisir"
                options={complements}
                required
                defaultValue={val("attestation", "complementId")}
                error={err("attestation", "complementId")}
              />
            </div>
            <SelectField
              name="level"
              id="niveau-complement"
              label="Niveau"
              options={levelOptions}
              required
              defaultValue={val("attestation", "level") ?? "operationnelles"}
              error={err("attestation", "level")}
            />
            <div className="sm:col-span-2">
              <TextArea
                name="note"
                id="fondement-complement"
                label="Sur quoi repose l'attestation"
                hint={NO_PATIENT_DATA_HINT}
                maxLength={1000}
                rows={2}
                required
                defaultValue={val("attestation", "note")}
                error={err("attestation", "note")}
              />
            </div>
            <div>
              <button type="submit" className="btn-secondary" disabled={busy}>
                Délivrer l'attestation
              </button>
            </div>
          </Form>
        </details>
      </section>

      <section aria-labelledby="parcours-titre" className="space-y-4">
        <h2 id="parcours-titre" className="text-2xl font-bold">
          Parcours d'intégration
        </h2>
        {path.summary.total === 0 ? <p>Pas de parcours d'intégration pour cette personne.</p> : null}
        <PathTimeline
          path={path}
          actions={(step) =>
            canTutor && step.requiresTutor && !step.validatedAt ? (
              <StepCommentForm
                intent="valider-etape"
                step={step}
                idPrefix="validation"
                commentLabel="Commentaire de validation"
                submitLabel="Valider l'étape"
                defaultComment={val("valider-etape", "stepId") === step.id ? val("valider-etape", "comment") : ""}
                error={val("valider-etape", "stepId") === step.id ? err("valider-etape", "comment") : undefined}
                busy={busy}
              />
            ) : null
          }
        />
      </section>

      <section aria-labelledby="observations" className="space-y-3">
        <h2 id="observations" className="text-2xl font-bold">
          Observations en situation de travail
        </h2>
        <p className="text-sm text-slate-700">
          Pour chaque niveau évalué par observation, le référentiel demande un nombre d'observations à des dates différentes.
        </p>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Tableau des observations (défilement horizontal possible)">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr>
                <th className="border-b-2 border-slate-300 p-2">Compétence</th>
                <th className="border-b-2 border-slate-300 p-2">Niveau</th>
                <th className="border-b-2 border-slate-300 p-2">Observations</th>
              </tr>
            </thead>
            <tbody>
              {observed.map((o) => (
                <tr key={`${o.competencyId}-${o.level}`} data-observation={`${o.competencyId}:${o.level}`}>
                  <td className="border-b border-slate-200 p-2">{o.competency}</td>
                  <td className="border-b border-slate-200 p-2">{o.levelLabel}</td>
                  <td className="border-b border-slate-200 p-2">
                    {o.observed} sur {o.required}
                    {o.met ? " ✓ atteint" : ` — reste ${o.remaining}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="validations" className="space-y-3">
        <h2 id="validations" className="text-2xl font-bold">
          Compétences validées (historique)
        </h2>
        {validations.length === 0 ? <p>Aucune validation pour l'instant.</p> : null}
        <ul className="space-y-3">
          {validations.map((v) => (
            <li
              key={v.id}
              className={`card space-y-2 ${v.supersededAt ? "opacity-80" : ""}`}
              data-validation={v.competencyId}
              data-superseded={v.supersededAt ? "oui" : "non"}
            >
              <p className="font-semibold">
                {v.competency} — {v.levelLabel}
                {v.supersededAt ? " (corrigée, conservée dans l'historique)" : ""}
              </p>
              <p className="text-sm text-slate-700">
                Observé le {formatDay(v.observedOn)} · enregistré par {v.validatedByName} le {formatDay(v.createdAt)}
              </p>
              <p>{v.evidence}</p>
              {v.learnerComment ? (
                <p className="italic">
                  Commentaire de {mentee.name} : « {v.learnerComment} »
                </p>
              ) : null}
              {canTutor && !v.supersededAt ? (
                <details>
                  <summary className="cursor-pointer text-sm font-semibold">Corriger cette validation</summary>
                  <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
                    <input type="hidden" name="intent" value="corriger-competence" />
                    <input type="hidden" name="validationId" value={v.id} />
                    <input type="hidden" name="competencyId" value={v.competencyId} />
                    <SelectField name="level" id={`niveau-${v.id}`} label="Niveau" options={levelOptions} defaultValue={v.level} />
                    <TextField name="observedOn" id={`date-${v.id}`} type="date" label="Date de l'observation" defaultValue={v.observedOn} />
                    <div className="sm:col-span-2">
                      <TextArea
                        name="evidence"
                        id={`situation-${v.id}`}
                        label="Situation observée"
                        hint={NO_PATIENT_DATA_HINT}
                        defaultValue={v.evidence}
                        maxLength={1000}
                        rows={2}
                        error={val("corriger-competence", "validationId") === v.id ? err("corriger-competence", "evidence") : undefined}
                      />
                    </div>
                    <div>
                      <button type="submit" className="btn-secondary" disabled={busy}>
                        Enregistrer la correction
                      </button>
                    </div>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="points" className="space-y-3">
        <h2 id="points" className="text-2xl font-bold">
          Points d'étape
        </h2>
        {canTutor ? (
          <Form method="post" className="card grid gap-4" noValidate>
            <input type="hidden" name="intent" value="point-etape" />
            <p className="text-sm text-slate-700">{NO_PATIENT_DATA_HINT}</p>
            <TextField
              name="heldOn"
              type="date"
              label="Date du point d'étape"
              required
              defaultValue={val("point-etape", "heldOn") ?? today}
              error={err("point-etape", "heldOn")}
            />
            <TextArea name="notes" label="Notes" maxLength={3000} required defaultValue={val("point-etape", "notes")} error={err("point-etape", "notes")} />
            <TextArea
              name="actions"
              label="Actions convenues (facultatif)"
              maxLength={2000}
              defaultValue={val("point-etape", "actions")}
              error={err("point-etape", "actions")}
            />
            <div>
              <button type="submit" className="btn-primary" disabled={busy}>
                Enregistrer le point d'étape
              </button>
            </div>
          </Form>
        ) : null}
        <CheckpointList checkpoints={checkpoints} />
      </section>

      <section aria-labelledby="rapport" className="card space-y-2">
        <h2 id="rapport" className="text-2xl font-bold">
          Rapport d'étonnement
        </h2>
        {report ? (
          <>
            <p className="text-sm text-slate-700">Écrit le {formatDay(report.submittedAt)}</p>
            <p>
              <strong>Ce qui m'a surprise :</strong> {report.surprises}
            </p>
            <p>
              <strong>Ce qui m'a aidée :</strong> {report.helped}
            </p>
            <p>
              <strong>Ce que je proposerais :</strong> {report.suggestions}
            </p>
          </>
        ) : (
          <p>Pas encore rédigé.</p>
        )}
      </section>

      <section aria-labelledby="bilan" className="space-y-3">
        <h2 id="bilan" className="text-2xl font-bold">
          Bilan d'intégration
        </h2>
        {reviews.map((r) => (
          <div key={r.id} className="card">
            <p className="font-semibold">
              {r.outcomeLabel} — {formatDay(r.createdAt)}, par {r.by}
            </p>
            <p className="whitespace-pre-line">{r.summary}</p>
            <p className="mt-2 whitespace-pre-line">
              <strong>Prochaines étapes :</strong> {r.nextSteps}
            </p>
          </div>
        ))}
        <Form method="post" className="card grid gap-4" noValidate>
          <input type="hidden" name="intent" value="bilan" />
          <p className="text-sm text-slate-700">{NO_PATIENT_DATA_HINT}</p>
          <SelectField
            name="outcome"
            label="Issue du bilan"
            placeholder="Choisir"
            options={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
            required
            defaultValue={val("bilan", "outcome")}
            error={err("bilan", "outcome")}
          />
          <TextArea name="summary" label="Bilan" maxLength={3000} required defaultValue={val("bilan", "summary")} error={err("bilan", "summary")} />
          <TextArea
            name="nextSteps"
            label="Prochaines étapes de formation"
            maxLength={2000}
            required
            defaultValue={val("bilan", "nextSteps")}
            error={err("bilan", "nextSteps")}
          />
          <div>
            <button type="submit" className="btn-secondary" disabled={busy}>
              Enregistrer le bilan
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
