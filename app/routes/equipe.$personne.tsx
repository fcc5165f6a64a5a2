import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormMessage, SelectField } from "~/components/field";
import { formatDate } from "~/components/path-timeline";
import { assignTutorSchema } from "~/forms/integration";
import { renewInvitation } from "~/models/accounts.server";
import { listTutors } from "~/models/services.server";
import { assignTutor, tutorHistory } from "~/models/tutoring.server";
import { requireManagedPerson } from "~/models/permissions.server";
import { getEnv } from "~/utils/env.server";
import { formDataToObject } from "~/utils/forms";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Personne"} — Mon équipe — Pivot` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { person, serviceIds, activated } = await requireManagedPerson(request, params.personne);
  const [history, tutors] = await Promise.all([tutorHistory(person.id), listTutors(serviceIds)]);
  return {
    person: { id: person.id, name: person.name, email: person.email, role: person.role, hireDate: person.hireDate },
    history,
    tutors: tutors.filter((t) => t.id !== person.id).map((t) => ({ value: t.id, label: t.name })),
    current: history.find((h) => !h.endedAt) ?? null,
    invited: !activated,
  };
}

type Managed = Awaited<ReturnType<typeof requireManagedPerson>>;

/** A new invitation link, only for an account that has never been activated (never a way into someone's account). */
async function newInvitation({ user, person }: Managed) {
  const token = await renewInvitation({ userId: person.id, by: user.id });
  if (!token)
    return data({ ok: false, message: "Cette personne a déjà choisi son mot de passe : un lien d'invitation ne peut plus être créé. Si elle l'a oublié, elle le réinitialise elle-même depuis la page de connexion (« Mot de passe oublié ? »).", link: null }, { status: 409 });
  return { ok: true, message: "Nouveau lien d'invitation créé : transmettez-le à la personne.", link: `${getEnv().PUBLIC_URL}/invitation/${token}` };
}

async function chooseTutor({ user, person, serviceIds }: Managed, form: Record<string, string | string[]>) {
  const parsed = assignTutorSchema.safeParse(form);
  if (!parsed.success || person.role !== "learner") return data({ ok: false, message: "Choisissez une tutrice dans la liste.", link: null }, { status: 400 });
  if (!(await listTutors(serviceIds)).some((t) => t.id === parsed.data.tutorId))
    return data({ ok: false, message: "Cette tutrice ne fait pas partie de vos services.", link: null }, { status: 400 });
  await assignTutor(person.id, parsed.data.tutorId, user.id);
  return { ok: true, message: "Tutrice enregistrée ; l'historique est conservé.", link: null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const managed = await requireManagedPerson(request, params.personne);
  const form = formDataToObject(await readForm(request));
  switch (form.intent) {
    case "invitation":
      return newInvitation(managed);
    case "tutrice":
      return chooseTutor(managed, form);
    default:
      return data({ ok: false, message: "Action inconnue : rechargez la page et réessayez.", link: null }, { status: 400 });
  }
}

export default function Personne() {
  const { person, history, tutors, current, invited } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="space-y-6">
      <p className="text-sm font-semibold">
        <Link to="/equipe">Mon équipe</Link> › {person.name}
      </p>
      <h1 className="text-3xl font-bold">{person.name}</h1>
      <p>
        <a href={`mailto:${person.email}`}>{person.email}</a>
        {person.hireDate ? ` · arrivée le ${formatDate(person.hireDate)}` : ""}
      </p>
      {result?.message ? <FormMessage kind={result.ok ? "success" : "error"}>{result.message}</FormMessage> : null}
      {result?.link ? (
        <div className="card">
          <label htmlFor="lien" className="field-label">
            Lien d'invitation (valable 7 jours, une seule fois)
          </label>
          <input id="lien" readOnly value={result.link} className="field-input font-mono text-sm" data-invitation-link />
        </div>
      ) : null}
      {person.role === "learner" ? (
        <>
          <p>
            <Link to={`/tutorat/${person.id}`} className="btn-secondary">
              Voir le suivi détaillé (parcours, compétences, bilan)
            </Link>
          </p>
          <section aria-labelledby="tutrice" className="card space-y-3">
            <h2 id="tutrice" className="text-2xl font-bold">
              Tutrice
            </h2>
            <p>{current ? `Actuellement : ${current.tutorName}, depuis le ${formatDate(current.startedAt)}.` : "Aucune tutrice pour l'instant."}</p>
            <Form method="post" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="tutrice" />
              <div className="min-w-64">
                <SelectField name="tutorId" label={current ? "Changer de tutrice" : "Attribuer une tutrice"} placeholder="Choisir" options={tutors} required />
              </div>
              <button type="submit" className="btn-primary" disabled={busy}>
                Enregistrer
              </button>
            </Form>
            {history.length > 0 ? (
              <>
                <h3 className="font-semibold">Historique</h3>
                <ul className="list-disc pl-6">
                  {history.map((h) => (
                    <li key={h.id}>
                      {h.tutorName} : du {formatDate(h.startedAt)} {h.endedAt ? `au ${formatDate(h.endedAt)}` : "à aujourd'hui"}
                      {h.assignedBy ? ` (désignée par ${h.assignedBy})` : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </>
      ) : null}
      {invited ? (
        <section className="card space-y-2" aria-labelledby="invitation">
          <h2 id="invitation" className="text-2xl font-bold">
            Invitation
          </h2>
          <p>Cette personne n'a pas encore choisi son mot de passe.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="invitation" />
            <button type="submit" className="btn-secondary" disabled={busy}>
              Générer un nouveau lien d'invitation
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
