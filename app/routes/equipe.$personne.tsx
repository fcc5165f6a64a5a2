import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormMessage, SelectField } from "~/components/field";
import { formatDate } from "~/components/path-timeline";
import { assignTutorSchema } from "~/forms/integration";
import { getPerson, managedServiceIds } from "~/models/access.server";
import { renewInvitation } from "~/models/accounts.server";
import { listTutors } from "~/models/services.server";
import { assignTutor, tutorHistory } from "~/models/tutoring.server";
import type { SessionUser } from "~/models/user.server";
import { forbidden, notFound, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formDataToObject } from "~/utils/forms";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Personne"} — Mon équipe — Pivot` }];

async function personInMyServices(user: SessionUser, id: string) {
  const person = await getPerson(id);
  if (!person) notFound("Cette personne n'existe pas.");
  const serviceIds = await managedServiceIds(user);
  if (!person.serviceId || !serviceIds.includes(person.serviceId)) forbidden("Cette personne ne fait pas partie de vos services.");
  return { person, serviceIds };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["manager", "admin"]);
  const { person, serviceIds } = await personInMyServices(user, params.personne ?? "");
  const [history, tutors, account] = await Promise.all([
    tutorHistory(person.id),
    listTutors(serviceIds),
    getDb().query.users.findFirst({ where: eq(users.id, person.id), columns: { passwordHash: true } }),
  ]);
  return {
    person: { id: person.id, name: person.name, email: person.email, role: person.role, hireDate: person.hireDate },
    history,
    tutors: tutors.filter((t) => t.id !== person.id).map((t) => ({ value: t.id, label: t.name })),
    current: history.find((h) => !h.endedAt) ?? null,
    invited: !account?.passwordHash,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["manager", "admin"]);
  const { person, serviceIds } = await personInMyServices(user, params.personne ?? "");
  const form = formDataToObject(await request.formData());
  if (form.intent === "invitation") {
    const token = await renewInvitation(person.id, user.id);
    return { ok: true, message: "Nouveau lien d'invitation créé : transmettez-le à la personne.", link: `${new URL(request.url).origin}/invitation/${token}` };
  }
  const parsed = assignTutorSchema.safeParse(form);
  if (!parsed.success || person.role !== "learner")
    return data({ ok: false, message: "Choisissez une tutrice dans la liste.", link: null }, { status: 400 });
  if (!(await listTutors(serviceIds)).some((t) => t.id === parsed.data.tutorId))
    return data({ ok: false, message: "Cette tutrice ne fait pas partie de vos services.", link: null }, { status: 400 });
  await assignTutor(person.id, parsed.data.tutorId, user.id);
  return { ok: true, message: "Tutrice enregistrée ; l'historique est conservé.", link: null };
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
