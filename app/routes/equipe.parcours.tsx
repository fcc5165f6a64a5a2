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
  const wanted = new URL(request.url).searchParams.get("service");
  const serviceId = wanted && serviceIds.includes(wanted) ? wanted : services[0]?.id;
  const template = getIntegrationPath();
  return {
    services,
    service: serviceId ? await getService(serviceId) : null,
    steps: serviceId ? await listServiceSteps(serviceId) : [],
    phases: template.phases,
    templateSteps: template.steps.map((s) => ({ id: s.id, phase: s.phase, title: s.title })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const manager = await requireManager(request);
  const form = formDataToObject(await readForm(request));
  const target = serviceTargetSchema.safeParse(form);
  const serviceId = requireManagedService(manager, target.data?.serviceId);
  const { user } = manager;
  const stepId = target.data?.stepId;
  const intent = String(form.intent ?? "");
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
  let message: string;
  if (intent === "ajouter" || intent === "modifier") {
    const parsed = serviceStepSchema.safeParse(form);
    if (!parsed.success)
      return data(
        {
          ok: false,
          intent,
          stepId: stepId ?? null,
          message: "L'étape n'est pas enregistrée : voyez les champs signalés.",
          errors: fieldErrors(parsed.error),
          values,
        },
        { status: 400 },
      );
    const phase = getIntegrationPath().phases.find((p) => p.id === parsed.data.phase);
    if (!phase)
      return data(
        { ok: false, intent, stepId: stepId ?? null, message: "Phase inconnue.", errors: { phase: "Choisissez une phase de la liste." }, values },
        { status: 400 },
      );
    const dayProblem = phaseDayProblem(phase, parsed.data.dueDay);
    if (dayProblem)
      return data(
        {
          ok: false,
          intent,
          stepId: stepId ?? null,
          message: "L'étape n'est pas enregistrée : voyez les champs signalés.",
          errors: { dueDay: dayProblem },
          values,
        },
        { status: 400 },
      );
    if (intent === "ajouter") await addServiceStep({ serviceId, step: parsed.data, by: user.id });
    else if (!stepId || !(await updateServiceStep({ serviceId, stepId, step: parsed.data, by: user.id })))
      return data({ ok: false, intent, stepId: stepId ?? null, message: "Cette étape n'existe plus.", errors: {}, values }, { status: 404 });
    message = intent === "ajouter" ? "Étape ajoutée au parcours du service." : "Étape modifiée.";
  } else if (intent === "monter" || intent === "descendre") {
    await moveServiceStep({ serviceId, stepId: stepId ?? "", direction: intent === "monter" ? "up" : "down" });
    message = "Ordre modifié.";
  } else if (intent === "retirer") {
    if (!(await archiveServiceStep({ serviceId, stepId: stepId ?? "", by: user.id })))
      return data({ ok: false, intent, stepId: stepId ?? null, message: "Cette étape n'existe plus.", errors: {}, values }, { status: 404 });
    message = "Étape retirée du parcours du service.";
  } else if (intent === "description") {
    const description = serviceDescriptionSchema.safeParse(form.description ?? "");
    if (!description.success)
      return data(
        { ok: false, intent, stepId: null, message: "La description est trop longue.", errors: { description: "2 000 caractères au plus." }, values },
        { status: 400 },
      );
    await updateServiceDescription(serviceId, description.data || null);
    message = "Présentation du service enregistrée.";
  } else {
    return data({ ok: false, intent, stepId: null, message: "Action inconnue.", errors: {}, values }, { status: 400 });
  }
  if (form.appliquer === "on" && intent !== "description") {
    const changed = await applyServiceStepsToPaths(serviceId);
    message += ` ${changed} parcours en cours mis à jour (les étapes déjà faites sont conservées).`;
  } else if (intent !== "description") message += " Elle s'appliquera aux nouveaux parcours.";
  return { ok: true, intent, stepId: stepId ?? null, message, errors: {} as Record<string, string>, values: {} as Record<string, string> };
}

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

export default function ParcoursService() {
  const { services, service, steps, phases, templateSteps } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  if (!service) return <p className="card">Aucun service ne vous est rattaché.</p>;
  const errorsFor = (intent: string, stepId: string | null): Record<string, string> =>
    result && !result.ok && result.intent === intent && result.stepId === stepId ? result.errors : {};
  const valuesFor = (intent: string, stepId: string | null): Record<string, string> =>
    result && !result.ok && result.intent === intent && result.stepId === stepId ? result.values : {};
  const phaseTitle = new Map(phases.map((p) => [p.id, p.title]));
  return (
    <div className="space-y-6">
      <p className="text-sm font-semibold">
        <Link to="/equipe">Mon équipe</Link> › Parcours du service
      </p>
      <h1 className="text-3xl font-bold">Parcours d'intégration — {service.name}</h1>
      {services.length > 1 ? (
        <Form method="get" className="flex items-end gap-2">
          <SelectField name="service" label="Service" options={services.map((s) => ({ value: s.id, label: s.name }))} defaultValue={service.id} />
          <button type="submit" className="btn-secondary">
            Afficher
          </button>
        </Form>
      ) : null}
      {result?.message ? <FormMessage kind={result.ok ? "success" : "error"}>{result.message}</FormMessage> : null}

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
            error={errorsFor("description", null).description}
          />
          <button type="submit" className="btn-secondary" disabled={busy}>
            Enregistrer la présentation
          </button>
        </Form>
      </section>

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
                {(["monter", "descendre"] as const).map((dir) =>
                  (dir === "monter" && i === 0) || (dir === "descendre" && i === steps.length - 1) ? null : (
                    <Form method="post" key={dir}>
                      <input type="hidden" name="serviceId" value={service.id} />
                      <input type="hidden" name="stepId" value={s.id} />
                      <button type="submit" name="intent" value={dir} className="btn-secondary" disabled={busy}>
                        {dir === "monter" ? "↑ Monter" : "↓ Descendre"}
                        <span className="sr-only"> : {s.title}</span>
                      </button>
                    </Form>
                  ),
                )}
                <details className="relative">
                  <summary className="btn-secondary cursor-pointer list-none [&::-webkit-details-marker]:hidden">
                    Retirer…<span className="sr-only"> : {s.title}</span>
                  </summary>
                  <Form method="post" className="mt-2 space-y-2 rounded-md border-2 border-red-700 bg-red-50 p-3">
                    <input type="hidden" name="serviceId" value={service.id} />
                    <input type="hidden" name="stepId" value={s.id} />
                    <input type="hidden" name="appliquer" value="on" />
                    <p className="text-sm">
                      L'étape disparaît des parcours en cours où elle n'est pas encore faite ; celles déjà faites restent dans l'historique.
                    </p>
                    <button type="submit" name="intent" value="retirer" className="btn-danger" disabled={busy}>
                      Confirmer le retrait<span className="sr-only"> : {s.title}</span>
                    </button>
                  </Form>
                </details>
              </div>
              <details open={result?.intent === "modifier" && result.stepId === s.id && !result.ok}>
                <summary className="cursor-pointer font-semibold">Modifier cette étape</summary>
                <Form method="post" className="mt-3 space-y-3" noValidate>
                  <input type="hidden" name="serviceId" value={service.id} />
                  <input type="hidden" name="stepId" value={s.id} />
                  <input type="hidden" name="intent" value="modifier" />
                  <StepFields prefix={`etape-${s.id}`} values={valuesFor("modifier", s.id)} errors={errorsFor("modifier", s.id)} phases={phases} defaults={s} />
                  <button type="submit" className="btn-primary" disabled={busy}>
                    Enregistrer les modifications
                  </button>
                </Form>
              </details>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="ajouter" className="card space-y-3">
        <h2 id="ajouter" className="text-2xl font-bold">
          Ajouter une étape
        </h2>
        <Form method="post" className="space-y-3" noValidate>
          <input type="hidden" name="serviceId" value={service.id} />
          <input type="hidden" name="intent" value="ajouter" />
          <StepFields prefix="nouvelle" values={valuesFor("ajouter", null)} errors={errorsFor("ajouter", null)} phases={phases} />
          <button type="submit" className="btn-primary" disabled={busy}>
            Ajouter l'étape
          </button>
        </Form>
      </section>

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
    </div>
  );
}
