import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CopyLink } from "~/components/copy-link";
import { FormMessage, SelectField, TextField } from "~/components/field";
import { newAccountSchema } from "~/forms/integration.server";
import { createAccount, EmailTakenError, INVITATION_DAYS } from "~/models/accounts.server";
import { listServices, listTutors } from "~/models/services.server";
import { requireManager } from "~/models/permissions.server";
import { fieldErrors, formDataToObject } from "~/utils/forms";
import { getEnv } from "~/utils/env.server";
import { clientAddress, readForm } from "~/utils/http.server";
import { formatDay, parisDay } from "~/utils/dates";
import { PROFILE_OPTIONS } from "~/domain/vocabulary";

export const meta: MetaFunction = () => [{ title: "Créer un compte — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { serviceIds } = await requireManager(request);
  const [services, tutors] = await Promise.all([listServices(serviceIds), listTutors(serviceIds)]);
  return { services, tutors, today: parisDay() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, serviceIds } = await requireManager(request);
  const form = formDataToObject(await readForm(request));
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
  const parsed = newAccountSchema.safeParse(form);
  if (!parsed.success)
    return data(
      { ok: false as const, message: "Le compte n'est pas créé : voyez les champs signalés.", errors: fieldErrors(parsed.error), values },
      { status: 400 },
    );
  if (!serviceIds.includes(parsed.data.serviceId))
    return data(
      {
        ok: false as const,
        message: "Vous ne pouvez créer un compte que dans vos services.",
        errors: { serviceId: "Choisissez l'un de vos services." },
        values,
      },
      { status: 403 },
    );
  if (parsed.data.tutorId && !(await listTutors(serviceIds)).some((t) => t.id === parsed.data.tutorId))
    return data(
      { ok: false as const, message: "Cette tutrice ne fait pas partie de vos services.", errors: { tutorId: "Choisissez une tutrice de la liste." }, values },
      { status: 400 },
    );
  const service = (await listServices([parsed.data.serviceId]))[0]!;
  try {
    const { token, expiresAt } = await createAccount({
      account: {
        name: parsed.data.name,
        email: parsed.data.email,
        role: parsed.data.role,
        profile: parsed.data.role === "learner" ? (parsed.data.profile ?? null) : (parsed.data.profile ?? "confirmee"),
        serviceId: parsed.data.serviceId,
        hireDate: parsed.data.hireDate,
        establishment: service.establishment,
        tutorId: parsed.data.role === "learner" ? parsed.data.tutorId : null,
      },
      by: user.id,
      address: clientAddress(context),
    });
    // The number of days travels with the answer: the browser bundle does not have the server's constants.
    return { ok: true as const, validDays: INVITATION_DAYS, name: parsed.data.name, link: `${getEnv().PUBLIC_URL}/invitation/${token}`, expiresAt };
  } catch (error) {
    if (error instanceof EmailTakenError)
      return data(
        { ok: false as const, message: "Un compte existe déjà avec cette adresse e-mail.", errors: { email: "Cette adresse est déjà utilisée." }, values },
        { status: 409 },
      );
    throw error;
  }
}

export default function NouveauCompte() {
  const { services, tutors, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  if (result?.ok) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">Compte créé</h1>
        <FormMessage kind="success">Le compte de {result.name} est créé.</FormMessage>
        <div className="card space-y-3">
          <p>
            Transmettez ce lien d'invitation à {result.name} (en main propre, par messagerie interne) : il lui permet de choisir son mot de passe. Il est
            valable {result.validDays} jours, jusqu'au {formatDay(result.expiresAt)}, et ne fonctionne qu'une fois.
          </p>
          <CopyLink id="lien" label="Lien d'invitation" value={result.link} />
          <p className="text-sm text-slate-700">
            Ce lien n'est affiché qu'une seule fois. S'il est perdu, vous pourrez en générer un nouveau depuis la fiche de la personne.
          </p>
        </div>
        <p className="flex gap-3">
          <Link to="/equipe" className="btn-primary">
            Retour à l'équipe
          </Link>
          <Link to="/equipe/nouveau" reloadDocument className="btn-secondary">
            Créer un autre compte
          </Link>
        </p>
      </div>
    );
  }
  const values = (result?.values ?? {}) as Record<string, string>;
  const errors = (result?.errors ?? {}) as Record<string, string>;
  return (
    <div className="space-y-6">
      <p className="text-sm font-semibold">
        <Link to="/equipe">Mon équipe</Link> › Créer un compte
      </p>
      <h1 className="text-3xl font-bold">Créer un compte</h1>
      {result?.message ? <FormMessage kind="error">{result.message}</FormMessage> : null}
      <Form method="post" className="card grid max-w-2xl gap-4" noValidate>
        <TextField name="name" label="Prénom et nom" autoComplete="off" required maxLength={120} defaultValue={values.name} error={errors.name} />
        <TextField
          name="email"
          type="email"
          label="Adresse e-mail professionnelle"
          autoComplete="off"
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <SelectField
          name="role"
          label="Rôle"
          required
          defaultValue={values.role ?? "learner"}
          error={errors.role}
          options={[
            { value: "learner", label: "En formation (secrétaire)" },
            { value: "tutor", label: "Tutrice ou tuteur" },
            { value: "manager", label: "Cadre" },
          ]}
        />
        <SelectField
          name="profile"
          label="Profil"
          hint="Une nouvelle recrue reçoit un parcours d'intégration calculé à partir de sa date d'arrivée."
          defaultValue={values.profile ?? "nouvelle_recrue"}
          error={errors.profile}
          options={PROFILE_OPTIONS}
        />
        <SelectField
          name="serviceId"
          label="Service"
          required
          placeholder="Choisir un service"
          defaultValue={values.serviceId ?? (services.length === 1 ? services[0]!.id : "")}
          error={errors.serviceId}
          options={services.map((s) => ({ value: s.id, label: s.name }))}
        />
        <TextField name="hireDate" type="date" label="Date d'arrivée" required defaultValue={values.hireDate ?? today} error={errors.hireDate} />
        <SelectField
          name="tutorId"
          label="Tutrice (pour une personne en formation)"
          placeholder="Pas encore de tutrice"
          defaultValue={values.tutorId}
          error={errors.tutorId}
          options={tutors.map((t) => ({ value: t.id, label: t.name }))}
        />
        <div>
          <button type="submit" className="btn-primary" disabled={busy}>
            Créer le compte
          </button>
        </div>
      </Form>
    </div>
  );
}
