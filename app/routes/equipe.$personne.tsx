import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CopyLink } from "~/components/copy-link";
import { FormMessage, SelectField } from "~/components/field";
import { deactivationSchema } from "~/forms/account.server";
import { assignTutorSchema, positionSchema } from "~/forms/integration.server";
import { renewInvitation } from "~/models/accounts.server";
import { listTutors } from "~/models/services.server";
import { assignTutor, tutorHistory } from "~/models/tutoring.server";
import { changePosition, currentMentees, deactivateAccount, reactivateAccount } from "~/models/account-lifecycle.server";
import { listServices } from "~/models/services.server";
import { forbidden, requireManagedPerson, requireManagedService } from "~/models/permissions.server";
import { ROLE_LABELS } from "~/utils/auth.server";
import { formatDay } from "~/utils/dates";
import { getEnv } from "~/utils/env.server";
import { formDataToObject } from "~/utils/forms";
import { clientAddress, readForm } from "~/utils/http.server";
import { PROFILE_OPTIONS } from "~/domain/vocabulary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Personne"} — Mon équipe — Pivot` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, person, serviceIds, activated } = await requireManagedPerson(request, params.personne);
  const [history, tutors, mentees, services] = await Promise.all([
    tutorHistory(person.id),
    listTutors(serviceIds),
    person.role === "tutor" ? currentMentees(person.id) : [],
    listServices(serviceIds),
  ]);
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      role: person.role,
      roleLabel: ROLE_LABELS[person.role],
      profile: person.profile,
      serviceId: person.serviceId,
      hireDate: person.hireDate,
      deactivatedAt: person.deactivatedAt,
      erased: Boolean(person.erasedAt),
    },
    services: services.map((s) => ({ value: s.id, label: s.name })),
    canChangePosition: !person.deactivatedAt && (person.role === "learner" || person.role === "tutor") && person.id !== user.id,
    history,
    tutors: tutors.filter((t) => t.id !== person.id).map((t) => ({ value: t.id, label: t.name })),
    current: history.find((h) => !h.endedAt) ?? null,
    invited: !activated && !person.deactivatedAt,
    mentees,
    canDeactivate: !person.deactivatedAt && person.id !== user.id,
    canReactivate: Boolean(person.deactivatedAt) && !person.erasedAt && user.role === "admin",
  };
}

type Managed = Awaited<ReturnType<typeof requireManagedPerson>>;

/** A new invitation link, only for an account that has never been activated (never a way into someone's account). */
async function newInvitation({ user, person }: Managed, address: string) {
  const token = person.deactivatedAt ? null : await renewInvitation({ userId: person.id, by: user.id, address });
  if (!token)
    return data(
      {
        ok: false,
        message:
          "Cette personne a déjà choisi son mot de passe : un lien d'invitation ne peut plus être créé. Si elle l'a oublié, elle le réinitialise elle-même depuis la page de connexion (« Mot de passe oublié ? »).",
        link: null,
      },
      { status: 409 },
    );
  return { ok: true, message: "Nouveau lien d'invitation créé : transmettez-le à la personne.", link: `${getEnv().PUBLIC_URL}/invitation/${token}` };
}

async function chooseTutor({ user, person, serviceIds }: Managed, form: Record<string, string | string[]>, address: string) {
  const parsed = assignTutorSchema.safeParse(form);
  if (!parsed.success || person.role !== "learner") return data({ ok: false, message: "Choisissez une tutrice dans la liste.", link: null }, { status: 400 });
  if (person.deactivatedAt)
    return data({ ok: false, message: "Ce compte est désactivé : réactivez-le avant de lui attribuer une tutrice.", link: null }, { status: 409 });
  if (!(await listTutors(serviceIds)).some((t) => t.id === parsed.data.tutorId))
    return data({ ok: false, message: "Cette tutrice ne fait pas partie de vos services.", link: null }, { status: 400 });
  await assignTutor({ learnerId: person.id, tutorId: parsed.data.tutorId, by: user.id, address });
  return { ok: true, message: "Tutrice enregistrée ; l'historique est conservé.", link: null };
}

/** A new role, profile or service, within the cadre's services; tutoring that no longer fits ends. */
async function changeRole({ user, person, serviceIds }: Managed, form: Record<string, string | string[]>, address: string) {
  const parsed = positionSchema.safeParse(form);
  if (!parsed.success)
    return data({ ok: false, message: "Rien n'est modifié : choisissez un rôle, un profil et un service dans les listes.", link: null }, { status: 400 });
  if (person.id === user.id || (person.role !== "learner" && person.role !== "tutor"))
    return data({ ok: false, message: "Le rôle de ce compte ne se modifie pas ici.", link: null }, { status: 400 });
  requireManagedService({ serviceIds }, parsed.data.serviceId);
  const result = await changePosition({ personId: person.id, by: user.id, address, position: parsed.data });
  if (!result) return data({ ok: false, message: "Ce compte est désactivé : réactivez-le avant de le modifier.", link: null }, { status: 409 });
  const { changed, released } = result;
  if (!changed.role && !changed.profile && !changed.service) return { ok: true, message: "Rien n'a changé.", link: null };
  const notes = [
    released.length
      ? released.length === 1
        ? "une personne qu'elle suivait n'a plus de tutrice"
        : `${released.length} personnes qu'elle suivait n'ont plus de tutrice`
      : "",
    changed.service || (changed.role && person.role === "learner") ? "son tutorat a pris fin" : "",
  ].filter(Boolean);
  return { ok: true, message: `Modification enregistrée${notes.length ? ` : ${notes.join(", ")}` : ""}.`, link: null };
}

/** She left: the cadre confirms, the account closes, her mentees (if she tutored) go back to the cadre. */
async function deactivate({ user, person }: Managed, form: Record<string, string | string[]>, address: string) {
  if (person.id === user.id) return data({ ok: false, message: "Vous ne pouvez pas désactiver votre propre compte.", link: null }, { status: 400 });
  if (!deactivationSchema.safeParse(form).success)
    return data({ ok: false, message: "Cochez la case de confirmation pour désactiver ce compte.", link: null }, { status: 400 });
  const released = await deactivateAccount({ personId: person.id, by: user.id, address });
  if (released === null) return data({ ok: false, message: "Ce compte était déjà désactivé.", link: null }, { status: 409 });
  const mentees =
    released.length === 0
      ? ""
      : released.length === 1
        ? " Une personne qu'elle suivait n'a plus de tutrice : attribuez-lui-en une."
        : ` ${released.length} personnes qu'elle suivait n'ont plus de tutrice : attribuez-leur-en une.`;
  return { ok: true, message: `Compte désactivé : ${person.name} ne peut plus se connecter, son historique est conservé.${mentees}`, link: null };
}

async function reactivate({ user, person }: Managed, address: string) {
  if (user.role !== "admin") forbidden("Seule l'administration de la plateforme peut réactiver un compte.");
  if (!(await reactivateAccount({ personId: person.id, by: user.id, address })))
    return data({ ok: false, message: "Ce compte n'est pas désactivé (ou il a été supprimé).", link: null }, { status: 409 });
  return { ok: true, message: `Compte réactivé : ${person.name} peut de nouveau se connecter. Attribuez-lui une tutrice si besoin.`, link: null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const managed = await requireManagedPerson(request, params.personne);
  const form = formDataToObject(await readForm(request));
  const address = clientAddress(context);
  switch (form.intent) {
    case "invitation":
      return newInvitation(managed, address);
    case "tutrice":
      return chooseTutor(managed, form, address);
    case "desactiver":
      return deactivate(managed, form, address);
    case "poste":
      return changeRole(managed, form, address);
    case "reactiver":
      return reactivate(managed, address);
    default:
      return data({ ok: false, message: "Action inconnue : rechargez la page et réessayez.", link: null }, { status: 400 });
  }
}

export default function Personne() {
  const { person, history, tutors, current, invited, mentees, canDeactivate, canReactivate, canChangePosition, services } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="space-y-6">
      <p className="text-sm font-semibold">
        <Link to="/equipe">Mon équipe</Link> › {person.name}
      </p>
      <h1 className="text-3xl font-bold">{person.name}</h1>
      <p>
        {person.roleLabel}
        {person.erased ? null : (
          <>
            {" · "}
            <a href={`mailto:${person.email}`}>{person.email}</a>
          </>
        )}
        {person.hireDate ? ` · arrivée le ${formatDay(person.hireDate)}` : ""}
      </p>
      {person.deactivatedAt ? (
        <p className="rounded-md border-2 border-slate-500 bg-slate-100 px-4 py-3 font-semibold">
          {person.erased
            ? `Compte supprimé le ${formatDay(person.deactivatedAt)} à la demande de la personne : ses données personnelles ont été effacées.`
            : `Compte désactivé le ${formatDay(person.deactivatedAt)} : cette personne ne peut plus se connecter. Son historique reste consultable.`}
        </p>
      ) : null}
      {result?.message ? <FormMessage kind={result.ok ? "success" : "error"}>{result.message}</FormMessage> : null}
      {result?.link ? (
        <div className="card">
          <CopyLink id="lien" label="Lien d'invitation (valable 7 jours, une seule fois)" value={result.link} />
        </div>
      ) : null}
      {person.role === "learner" && !person.deactivatedAt ? (
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
            <p>{current ? `Actuellement : ${current.tutorName}, depuis le ${formatDay(current.startedAt)}.` : "Aucune tutrice pour l'instant."}</p>
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
                      {h.tutorName} : du {formatDay(h.startedAt)} {h.endedAt ? `au ${formatDay(h.endedAt)}` : "à aujourd'hui"}
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
      {canChangePosition ? (
        <section className="card space-y-3" aria-labelledby="poste">
          <h2 id="poste" className="text-2xl font-bold">
            Rôle, profil et service
          </h2>
          <p className="text-sm text-slate-700">
            Devenir tutrice met fin à son propre tutorat ; ne plus l'être libère les personnes qu'elle suivait ; changer de service met fin aux deux. Une
            nouvelle recrue sans parcours en reçoit un.
          </p>
          <Form method="post" className="grid gap-4 sm:grid-cols-4">
            <input type="hidden" name="intent" value="poste" />
            <SelectField
              name="role"
              label="Rôle"
              required
              defaultValue={person.role}
              options={[
                { value: "learner", label: "En formation (secrétaire)" },
                { value: "tutor", label: "Tutrice ou tuteur" },
              ]}
            />
            <SelectField name="profile" label="Profil" required defaultValue={person.profile ?? "confirmee"} options={PROFILE_OPTIONS} />
            <SelectField name="serviceId" label="Service" required defaultValue={person.serviceId} options={services} />
            <div className="flex items-end">
              <button type="submit" className="btn-secondary w-full" disabled={busy}>
                Enregistrer
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      {canDeactivate ? (
        <section className="card space-y-3" aria-labelledby="depart">
          <h2 id="depart" className="text-2xl font-bold">
            Départ de la personne
          </h2>
          <p>
            Quand {person.name} quitte le service, désactivez son compte : elle ne pourra plus se connecter, ses sessions ouvertes se ferment et elle disparaît
            des listes actives. Son parcours, ses résultats et ses certificats restent conservés.
          </p>
          {mentees.length > 0 ? (
            <div role="note" className="rounded-md border-2 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
              <p className="font-semibold">
                {mentees.length === 1
                  ? "Attention : elle est la tutrice d'une personne. Ce tutorat prendra fin et cette personne vous reviendra, sans tutrice, jusqu'à ce que vous en désigniez une autre :"
                  : `Attention : elle est la tutrice de ${mentees.length} personnes. Leur tutorat prendra fin et elles vous reviendront, sans tutrice, jusqu'à ce que vous en désigniez une autre :`}
              </p>
              <ul className="mt-1 list-disc pl-6">
                {mentees.map((m) => (
                  <li key={m.id}>
                    <Link to={`/equipe/${m.id}`}>{m.name}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="desactiver" />
            <label className="flex items-start gap-2">
              <input type="checkbox" name="confirmation" value="oui" required className="mt-1 h-5 w-5" />
              <span>Je confirme le départ de {person.name} et la désactivation de son compte.</span>
            </label>
            <button type="submit" className="btn-danger" disabled={busy}>
              Désactiver le compte
            </button>
          </Form>
        </section>
      ) : null}
      {canReactivate ? (
        <section className="card space-y-3" aria-labelledby="retour">
          <h2 id="retour" className="text-2xl font-bold">
            Retour de la personne
          </h2>
          <p>Réactiver le compte lui rend l'accès avec son mot de passe habituel. Son tutorat n'est pas rétabli : attribuez-lui une tutrice si besoin.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="reactiver" />
            <button type="submit" className="btn-secondary" disabled={busy}>
              Réactiver le compte
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
