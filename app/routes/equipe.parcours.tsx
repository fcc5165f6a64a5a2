import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormMessage, SelectField, TextArea, TextField } from "~/components/field";
import { phaseDayProblem, STEP_KINDS } from "~/content/path-steps";
import { getIntegrationPath } from "~/content/modules.server";
import { serviceDescriptionSchema, serviceStepSchema, serviceTargetSchema } from "~/forms/integration.server";
import { NO_PATIENT_DATA_HINT } from "~/forms/patient-data";
import { addServiceStep, applyServiceStepsToPaths, archiveServiceStep, listServiceSteps, moveServiceStep, updateServiceStep } from "~/models/path.server";
import { getService, listServices, updateServiceDescription } from "~/models/services.server";
import { requireManagedService, requireManager } from "~/models/permissions.server";
import { fieldErrors, formDataToObject } from "~/utils/forms";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Parcours du service — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { serviceIds } = await requireManager(request);
  const services = await listServices(serviceIds);
  const serviceId = shownServiceId(request, serviceIds) ?? services[0]?.id;
  const template = getIntegrationPath();
  return {
    services,
    service: serviceId ? await getService(serviceId) : null,
    steps: serviceId ? await listServiceSteps(serviceId) : [],
    phases: template.phases,
    templateSteps: template.steps.map((s) => ({ id: s.id, phase: s.phase, title: s.title })),
  };
}

/** The service asked for in `?service=`, when it is one of hers. */
function shownServiceId(request: Request, serviceIds: string[]) {
  const wanted = new URL(request.url).searchParams.get("service");
  return wanted && serviceIds.includes(wanted) ? wanted : undefined;
}

type FormValues = Record<string, string | string[]>;
type Result = { ok: boolean; intent: string; stepId: string | null; message: string; errors: Record<string, string>; values: Record<string, string> };
type IntentContext = { intent: string; form: FormValues; values: Record<string, string>; serviceId: string; stepId: string | null; userId: string };

const fail = ({ intent, stepId, values }: IntentContext, message: string, status: number, errors: Record<string, string> = {}) =>
  data<Result>({ ok: false, intent, stepId, message, errors, values }, { status });
const done = ({ intent, stepId }: IntentContext, message: string) =>
  ({ ok: true, intent, stepId, message, errors: {} as Record<string, string>, values: {} as Record<string, string> }) satisfies Result;

export async function action({ request }: ActionFunctionArgs) {
  const manager = await requireManager(request);
  const form = formDataToObject(await readForm(request));
  const target = serviceTargetSchema.safeParse(form);
  const ctx: IntentContext = {
    intent: String(form.intent ?? ""),
    form,
    values: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])),
    serviceId: requireManagedService(manager, target.data?.serviceId),
    stepId: target.data?.stepId ?? null,
    userId: manager.user.id,
  };
  switch (ctx.intent) {
    case "ajouter":
      return addStep(ctx);
    case "modifier":
      return updateStep(ctx);
    case "monter":
      return moveStep(ctx, "up");
    case "descendre":
      return moveStep(ctx, "down");
    case "retirer":
      return removeStep(ctx);
    case "description":
      return describeService(ctx);
    default:
      return fail({ ...ctx, stepId: null }, "Action inconnue.", 400);
  }
}

/** The step as the form gives it, its due day checked against its phase. */
function parseStep(ctx: IntentContext) {
  const parsed = serviceStepSchema.safeParse(ctx.form);
  if (!parsed.success) return { error: fail(ctx, "L'étape n'est pas enregistrée : voyez les champs signalés.", 400, fieldErrors(parsed.error)) };
  const phase = getIntegrationPath().phases.find((p) => p.id === parsed.data.phase);
  if (!phase) return { error: fail(ctx, "Phase inconnue.", 400, { phase: "Choisissez une phase de la liste." }) };
  const dayProblem = phaseDayProblem(phase, parsed.data.dueDay);
  if (dayProblem) return { error: fail(ctx, "L'étape n'est pas enregistrée : voyez les champs signalés.", 400, { dueDay: dayProblem }) };
  return { step: parsed.data };
}

async function addStep(ctx: IntentContext) {
  const { step, error } = parseStep(ctx);
  if (error) return error;
  await addServiceStep({ serviceId: ctx.serviceId, step, by: ctx.userId });
  return stepsChanged(ctx, "Étape ajoutée au parcours du service.");
}

async function updateStep(ctx: IntentContext) {
  const { step, error } = parseStep(ctx);
  if (error) return error;
  if (!ctx.stepId || !(await updateServiceStep({ serviceId: ctx.serviceId, stepId: ctx.stepId, step, by: ctx.userId })))
    return fail(ctx, "Cette étape n'existe plus.", 404);
  return stepsChanged(ctx, "Étape modifiée.");
}

async function moveStep(ctx: IntentContext, direction: "up" | "down") {
  await moveServiceStep({ serviceId: ctx.serviceId, stepId: ctx.stepId ?? "", direction });
  return stepsChanged(ctx, "Ordre modifié.");
}

async function removeStep(ctx: IntentContext) {
  if (!(await archiveServiceStep({ serviceId: ctx.serviceId, stepId: ctx.stepId ?? "", by: ctx.userId }))) return fail(ctx, "Cette étape n'existe plus.", 404);
  return stepsChanged(ctx, "Étape retirée du parcours du service.");
}

async function describeService(ctx: IntentContext) {
  const description = serviceDescriptionSchema.safeParse(ctx.form.description ?? "");
  if (!description.success) return fail({ ...ctx, stepId: null }, "La description est trop longue.", 400, { description: "2 000 caractères au plus." });
  await updateServiceDescription(ctx.serviceId, description.data || null);
  return done(ctx, "Présentation du service enregistrée.");
}

/** A change to the service's steps reaches the paths in progress when she asks for it, otherwise only the new paths. */
async function stepsChanged(ctx: IntentContext, message: string) {
  if (ctx.form.appliquer === "on") {
    const changed = await applyServiceStepsToPaths(ctx.serviceId);
    return done(ctx, `${message} ${changed} parcours en cours mis à jour (les étapes déjà faites sont conservées).`);
  }
  return done(ctx, `${message} Elle s'appliquera aux nouveaux parcours.`);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Phase = Data["phases"][number];
/** What the last submission left for the form of one intent (and one step): its errors and values when it failed, and whether one is under way. */
type Feedback = {
  busy: boolean;
  failedOn: (intent: string, stepId: string | null) => boolean;
  errorsFor: (intent: string, stepId: string | null) => Record<string, string>;
  valuesFor: (intent: string, stepId: string | null) => Record<string, string>;
};

export default function ParcoursService() {
  const { services, service, steps, phases, templateSteps } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  if (!service) return <p className="card">Aucun service ne vous est rattaché.</p>;
  const failed = (intent: string, stepId: string | null) => (result && !result.ok && result.intent === intent && result.stepId === stepId ? result : null);
  const feedback: Feedback = {
    busy,
    failedOn: (intent, stepId) => failed(intent, stepId) !== null,
    errorsFor: (intent, stepId) => failed(intent, stepId)?.errors ?? {},
    valuesFor: (intent, stepId) => failed(intent, stepId)?.values ?? {},
  };
  const phaseTitle = new Map(phases.map((p) => [p.id, p.title]));
  return (
    <div className="space-y-6">
      <p className="text-sm font-semibold">
        <Link to="/equipe">Mon équipe</Link> › Parcours du service
      </p>
      <h1 className="text-3xl font-bold">Parcours d'intégration — {service.name}</h1>
      {services.length > 1 ? <ServicePicker services={services} serviceId={service.id} /> : null}
      {result?.message ? <FormMessage kind={result.ok ? "success" : "error"}>{result.message}</FormMessage> : null}
      <ServiceDescriptionForm service={service} feedback={feedback} />
      <ServiceStepList serviceId={service.id} steps={steps} phases={phases} phaseTitle={phaseTitle} feedback={feedback} />
      <AddStepForm serviceId={service.id} phases={phases} feedback={feedback} />
      <CommonPath templateSteps={templateSteps} phaseTitle={phaseTitle} />
    </div>
  );
}

/** For a cadre of several services: which one to show. */
function ServicePicker({ services, serviceId }: { services: Data["services"]; serviceId: string }) {
  return (
    <Form method="get" className="flex items-end gap-2">
      <SelectField name="service" label="Service" options={services.map((s) => ({ value: s.id, label: s.name }))} defaultValue={serviceId} />
      <button type="submit" className="btn-secondary">
        Afficher
      </button>
    </Form>
  );
}

/** What new recruits should know of the service, shown on their path. */
function ServiceDescriptionForm({ service, feedback }: { service: NonNullable<Data["service"]>; feedback: Feedback }) {
  return (
    <section aria-labelledby="presentation" className="card space-y-3">
      <h2 id="presentation" className="text-2xl font-bold">
        Présentation du service
      </h2>
      <Form method="post" className="space-y-3">
        <input type="hidden" name="serviceId" value={service.id} />
        <input type="hidden" name="intent" value="description" />
        <TextArea
          name="description"
          label="Ce que les nouvelles recrues doivent savoir du service"
          maxLength={2000}
          rows={3}
          defaultValue={service.description}
          error={feedback.errorsFor("description", null).description}
        />
        <button type="submit" className="btn-secondary" disabled={feedback.busy}>
          Enregistrer la présentation
        </button>
      </Form>
    </section>
  );
}

/** The service's own steps, each to move, remove or edit. */
function ServiceStepList({
  serviceId,
  steps,
  phases,
  phaseTitle,
  feedback,
}: {
  serviceId: string;
  steps: Data["steps"];
  phases: Phase[];
  phaseTitle: Map<string, string>;
  feedback: Feedback;
}) {
  return (
    <section aria-labelledby="locales" className="space-y-3">
      <h2 id="locales" className="text-2xl font-bold">
        Étapes propres au service ({steps.length})
      </h2>
      {steps.length === 0 ? <p>Aucune étape locale : les nouvelles recrues suivent le parcours commun.</p> : null}
      <ol className="space-y-3">
        {steps.map((s, i) => (
          <li key={s.id} className="card space-y-2" data-service-step={s.title}>
            <p className="text-sm font-bold uppercase text-brand-700">
              {phaseTitle.get(s.phase) ?? s.phase} · jour {s.dueDay}
            </p>
            <h3 className="text-lg font-semibold">{s.title}</h3>
            <p>{s.description}</p>
            <div className="flex flex-wrap gap-2">
              {i === 0 ? null : <MoveStepButton serviceId={serviceId} step={s} direction="monter" busy={feedback.busy} />}
              {i === steps.length - 1 ? null : <MoveStepButton serviceId={serviceId} step={s} direction="descendre" busy={feedback.busy} />}
              <RemoveStepForm serviceId={serviceId} step={s} busy={feedback.busy} />
            </div>
            <EditStepForm serviceId={serviceId} step={s} phases={phases} feedback={feedback} />
          </li>
        ))}
      </ol>
    </section>
  );
}

type ServiceStep = Data["steps"][number];

function MoveStepButton({ serviceId, step, direction, busy }: { serviceId: string; step: ServiceStep; direction: "monter" | "descendre"; busy: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="stepId" value={step.id} />
      <button type="submit" name="intent" value={direction} className="btn-secondary" disabled={busy}>
        {direction === "monter" ? "↑ Monter" : "↓ Descendre"}
        <span className="sr-only"> : {step.title}</span>
      </button>
    </Form>
  );
}

/** Removing asks for a confirmation, and always reaches the paths in progress. */
function RemoveStepForm({ serviceId, step, busy }: { serviceId: string; step: ServiceStep; busy: boolean }) {
  return (
    <details className="relative">
      <summary className="btn-secondary cursor-pointer list-none [&::-webkit-details-marker]:hidden">
        Retirer…<span className="sr-only"> : {step.title}</span>
      </summary>
      <Form method="post" className="mt-2 space-y-2 rounded-md border-2 border-red-700 bg-red-50 p-3">
        <input type="hidden" name="serviceId" value={serviceId} />
        <input type="hidden" name="stepId" value={step.id} />
        <input type="hidden" name="appliquer" value="on" />
        <p className="text-sm">L'étape disparaît des parcours en cours où elle n'est pas encore faite ; celles déjà faites restent dans l'historique.</p>
        <button type="submit" name="intent" value="retirer" className="btn-danger" disabled={busy}>
          Confirmer le retrait<span className="sr-only"> : {step.title}</span>
        </button>
      </Form>
    </details>
  );
}

/** Open again after a refused edit, with what she typed. */
function EditStepForm({ serviceId, step, phases, feedback }: { serviceId: string; step: ServiceStep; phases: Phase[]; feedback: Feedback }) {
  return (
    <details open={feedback.failedOn("modifier", step.id)}>
      <summary className="cursor-pointer font-semibold">Modifier cette étape</summary>
      <Form method="post" className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="serviceId" value={serviceId} />
        <input type="hidden" name="stepId" value={step.id} />
        <input type="hidden" name="intent" value="modifier" />
        <StepFields
          prefix={`etape-${step.id}`}
          values={feedback.valuesFor("modifier", step.id)}
          errors={feedback.errorsFor("modifier", step.id)}
          phases={phases}
          defaults={step}
        />
        <button type="submit" className="btn-primary" disabled={feedback.busy}>
          Enregistrer les modifications
        </button>
      </Form>
    </details>
  );
}

function AddStepForm({ serviceId, phases, feedback }: { serviceId: string; phases: Phase[]; feedback: Feedback }) {
  return (
    <section aria-labelledby="ajouter" className="card space-y-3">
      <h2 id="ajouter" className="text-2xl font-bold">
        Ajouter une étape
      </h2>
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="serviceId" value={serviceId} />
        <input type="hidden" name="intent" value="ajouter" />
        <StepFields prefix="nouvelle" values={feedback.valuesFor("ajouter", null)} errors={feedback.errorsFor("ajouter", null)} phases={phases} />
        <button type="submit" className="btn-primary" disabled={feedback.busy}>
          Ajouter l'étape
        </button>
      </Form>
    </section>
  );
}

/** The path every recruit follows, which the service's steps complete. */
function CommonPath({ templateSteps, phaseTitle }: { templateSteps: Data["templateSteps"]; phaseTitle: Map<string, string> }) {
  return (
    <section aria-labelledby="commun" className="space-y-2">
      <h2 id="commun" className="text-2xl font-bold">
        Le parcours commun ({templateSteps.length} étapes)
      </h2>
      <p className="text-sm text-slate-700">Défini par l'équipe pédagogique de Pivot ; vos étapes locales s'y ajoutent.</p>
      <ul className="list-disc pl-6">
        {templateSteps.map((s) => (
          <li key={s.id}>
            {phaseTitle.get(s.phase)} : {s.title}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The fields of a service step, shared by the forms that add and edit one. */
function StepFields({
  prefix,
  values,
  errors,
  phases,
  defaults,
}: {
  prefix: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  phases: { id: string; title: string }[];
  defaults?: Record<string, string | number | boolean | null>;
}) {
  const v = (k: string) => values[k] ?? (defaults?.[k] === null || defaults?.[k] === undefined ? undefined : String(defaults[k]));
  return (
    <>
      <p className="text-sm text-slate-700">{NO_PATIENT_DATA_HINT}</p>
      <TextField id={`${prefix}-titre`} name="title" label="Titre de l'étape" required maxLength={160} defaultValue={v("title")} error={errors.title} />
      <TextArea
        id={`${prefix}-description`}
        name="description"
        label="Description"
        required
        maxLength={1000}
        rows={2}
        defaultValue={v("description")}
        error={errors.description}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          id={`${prefix}-phase`}
          name="phase"
          label="Phase"
          options={phases.map((p) => ({ value: p.id, label: p.title }))}
          defaultValue={v("phase") ?? phases[1]?.id}
          error={errors.phase}
        />
        <SelectField
          id={`${prefix}-type`}
          name="kind"
          label="Type"
          options={STEP_KINDS.filter((k) => k.id !== "module").map((k) => ({ value: k.id, label: k.label }))}
          defaultValue={v("kind") ?? "document"}
          error={errors.kind}
        />
        <TextField
          id={`${prefix}-jour`}
          name="dueDay"
          type="number"
          label="Échéance (jours après l'arrivée)"
          required
          defaultValue={v("dueDay") ?? "7"}
          error={errors.dueDay}
        />
      </div>
      <TextField
        id={`${prefix}-lien`}
        name="link"
        label="Lien (document du service, facultatif)"
        hint="Par exemple le livret d'accueil du service sur l'intranet."
        defaultValue={v("link")}
        error={errors.link}
      />
      <TextField
        id={`${prefix}-contact`}
        name="contact"
        label="Contact (facultatif)"
        hint="Noms et postes des référents. Jamais de mot de passe ni d'identifiant."
        maxLength={300}
        defaultValue={v("contact")}
        error={errors.contact}
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="requiresTutor" defaultChecked={Boolean(defaults?.requiresTutor)} className="h-5 w-5" /> Validation par la tutrice
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="appliquer" className="h-5 w-5" /> Appliquer aussi aux parcours en cours (sans rien perdre de ce qui est fait)
      </label>
    </>
  );
}
