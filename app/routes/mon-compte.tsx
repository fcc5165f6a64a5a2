// « Mon compte »: who she is for Pivot, her password, her open sessions.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormMessage, TextField } from "~/components/field";
import { Section } from "~/components/section";
import { NewPasswordFields } from "~/components/new-password-form";
import { erasureRequestSchema, passwordChangeSchema } from "~/forms/account.server";
import { requireUser } from "~/models/permissions.server";
import { changePassword, endOtherSessions, type SessionUser } from "~/models/user.server";
import { ROLE_LABELS } from "~/utils/auth.server";
import { fieldErrors, formDataToObject } from "~/utils/forms";
import { clientAddress, readForm } from "~/utils/http.server";
import { cancelErasure, erasureRequestOf, requestErasure } from "~/models/account-lifecycle.server";
import { formatDateTime, formatDay } from "~/utils/dates";
import { checkPasswordStrength } from "~/utils/password-strength.server";
import { deviceLabel, getSessionId, listSessions } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Mon compte — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const current = await getSessionId(request);
  const [sessions, erasureRequestedAt] = await Promise.all([listSessions({ userId: user.id }), erasureRequestOf(user.id)]);
  return {
    name: user.name,
    email: user.email,
    role: ROLE_LABELS[user.role],
    sessions: sessions.map((s) => ({
      device: deviceLabel(s.userAgent),
      since: formatDateTime(s.createdAt),
      lastSeen: formatDateTime(s.lastSeenAt ?? s.createdAt),
      current: s.id === current,
    })),
    erasureRequestedAt: erasureRequestedAt ? formatDay(erasureRequestedAt) : null,
  };
}

type Result = { intent: string; ok: boolean; message: string; errors: Record<string, string> };

async function newPassword(user: SessionUser, sessionId: string | null, form: Record<string, string | string[]>, address: string) {
  const parsed = passwordChangeSchema.safeParse(form);
  if (!parsed.success)
    return data<Result>(
      { intent: "mot-de-passe", ok: false, message: "Le mot de passe n'est pas changé : voyez les champs signalés.", errors: fieldErrors(parsed.error) },
      { status: 400 },
    );
  const strength = checkPasswordStrength(parsed.data.password, { email: user.email, name: user.name });
  if (!strength.ok)
    return data<Result>(
      { intent: "mot-de-passe", ok: false, message: "Le mot de passe n'est pas changé : voyez les champs signalés.", errors: { password: strength.message } },
      { status: 400 },
    );
  const changed = await changePassword({ userId: user.id, current: parsed.data.current, password: parsed.data.password, keepSessionId: sessionId, address });
  if (!changed)
    return data<Result>(
      { intent: "mot-de-passe", ok: false, message: "Le mot de passe n'est pas changé.", errors: { current: "Ce n'est pas votre mot de passe actuel." } },
      { status: 400 },
    );
  return {
    intent: "mot-de-passe",
    ok: true,
    message: "Mot de passe changé. Vos autres sessions sont fermées : il faudra vous reconnecter sur vos autres appareils.",
    errors: {},
  } satisfies Result;
}

async function otherSessions(user: SessionUser, sessionId: string | null, address: string) {
  await endOtherSessions({ userId: user.id, keepSessionId: sessionId, address });
  return { intent: "autres-sessions", ok: true, message: "Vos autres sessions sont fermées.", errors: {} } satisfies Result;
}

/** Her request to erase the account; an admin confirms it (she can still change her mind until then). */
async function askErasure(user: SessionUser, form: Record<string, string | string[]>, address: string) {
  const parsed = erasureRequestSchema.safeParse(form);
  if (!parsed.success)
    return data<Result>({ intent: "suppression", ok: false, message: "La demande n'est pas envoyée.", errors: fieldErrors(parsed.error) }, { status: 400 });
  await requestErasure({ userId: user.id, address });
  return {
    intent: "suppression",
    ok: true,
    message: "Votre demande de suppression est enregistrée. L'administration de la plateforme la traitera dans un délai d'un mois au plus.",
    errors: {},
  } satisfies Result;
}

async function withdrawErasure(user: SessionUser, address: string) {
  await cancelErasure({ userId: user.id, address });
  return { intent: "suppression", ok: true, message: "Votre demande de suppression est annulée : votre compte est conservé.", errors: {} } satisfies Result;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = formDataToObject(await readForm(request));
  const sessionId = await getSessionId(request);
  const address = clientAddress(context);
  switch (form.intent) {
    case "mot-de-passe":
      return newPassword(user, sessionId, form, address);
    case "autres-sessions":
      return otherSessions(user, sessionId, address);
    case "suppression":
      return askErasure(user, form, address);
    case "annuler-suppression":
      return withdrawErasure(user, address);
    default:
      return data<Result>({ intent: "", ok: false, message: "Action inconnue : rechargez la page et réessayez.", errors: {} }, { status: 400 });
  }
}

export default function MonCompte() {
  const { name, email, role, sessions, erasureRequestedAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const busy = useNavigation().state !== "idle";
  const errors = result?.intent === "mot-de-passe" ? result.errors : {};
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Mon compte</h1>
      <Section card id="identite" title="Identité">
        <p>
          <span className="font-semibold">Nom :</span> {name}
        </p>
        <p>
          <span className="font-semibold">Adresse e-mail (identifiant) :</span> {email}
        </p>
        <p>
          <span className="font-semibold">Profil :</span> {role}
        </p>
        <p className="text-sm text-slate-700">Une erreur ? Votre cadre peut la corriger.</p>
      </Section>

      <Section card id="mdp" title="Changer mon mot de passe">
        {result?.intent === "mot-de-passe" ? <FormMessage kind={result.ok ? "success" : "error"}>{result.message}</FormMessage> : null}
        <Form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="intent" value="mot-de-passe" />
          <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
          <TextField name="current" type="password" label="Mot de passe actuel" autoComplete="current-password" required error={errors.current} />
          <NewPasswordFields errors={errors} label="Nouveau mot de passe" />
          <button type="submit" className="btn-primary" disabled={busy}>
            Changer le mot de passe
          </button>
        </Form>
      </Section>

      <Section card id="sessions" title="Mes sessions ouvertes">
        {result?.intent === "autres-sessions" ? <FormMessage kind="success">{result.message}</FormMessage> : null}
        <ul className="divide-y divide-slate-200" data-sessions>
          {sessions.map((s, i) => (
            <li key={i} className="py-2">
              <span className="font-semibold">{s.device}</span>
              {s.current ? <span className="ml-2 rounded-full bg-emerald-100 px-2 text-sm font-semibold text-emerald-900">cet appareil</span> : null}
              <span className="block text-sm text-slate-700">
                Ouverte le {s.since}, dernière utilisation le {s.lastSeen}
              </span>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-700">Une session se ferme seule après 8 heures sans utilisation, et au plus tard après 30 jours.</p>
        {sessions.length > 1 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="autres-sessions" />
            <button type="submit" className="btn-secondary" disabled={busy}>
              Déconnecter mes autres sessions
            </button>
          </Form>
        ) : null}
      </Section>

      <Section card id="donnees" title="Mes données">
        <p>
          Tout ce que Pivot enregistre à votre sujet (profil, parcours, réponses aux quiz, observations, certificats, révisions, sessions) dans un fichier que
          vous pouvez conserver ou transmettre.
        </p>
        <p className="flex flex-wrap gap-2">
          <Link to="/mon-compte/donnees" className="btn-secondary">
            Voir le résumé de mes données
          </Link>
          <a href="/mon-compte/export" className="btn-secondary" download>
            Exporter mes données (JSON)
          </a>
        </p>
        <p className="text-sm text-slate-700">
          Ce que nous en faisons, qui y a accès et combien de temps : <Link to="/confidentialite">confidentialité et données personnelles</Link>.
        </p>
      </Section>

      <Section card id="suppression" title="Supprimer mon compte">
        {result?.intent === "suppression" ? <FormMessage kind={result.ok ? "success" : "error"}>{result.message}</FormMessage> : null}
        {erasureRequestedAt ? (
          <>
            <p className="font-semibold">
              Vous avez demandé la suppression de votre compte le {erasureRequestedAt}. L'administration de la plateforme va la traiter.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="annuler-suppression" />
              <button type="submit" className="btn-secondary" disabled={busy}>
                Annuler ma demande
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>
              Une fois la suppression confirmée par l'administration, votre nom, votre adresse e-mail et tous les textes vous concernant sont effacés et vous ne
              pouvez plus vous connecter. Vos résultats restent seulement sous forme anonyme, dans les statistiques. Vos certificats restent vérifiables par
              leur code, sans votre nom. Pensez à{" "}
              <a href="/mon-compte/export" download>
                exporter vos données
              </a>{" "}
              avant.
            </p>
            <Form method="post" className="space-y-3" noValidate>
              <input type="hidden" name="intent" value="suppression" />
              <label className="flex items-start gap-2">
                <input
                  type="checkbox"
                  name="confirmation"
                  value="oui"
                  className="mt-1 h-5 w-5"
                  aria-describedby={result?.intent === "suppression" && !result.ok ? "confirmation-erreur" : undefined}
                />
                <span>Je demande la suppression de mon compte Pivot et de mes données personnelles.</span>
              </label>
              {result?.intent === "suppression" && result.errors.confirmation ? (
                <p id="confirmation-erreur" className="font-semibold text-red-800">
                  {result.errors.confirmation}
                </p>
              ) : null}
              <button type="submit" className="btn-danger" disabled={busy}>
                Demander la suppression
              </button>
            </Form>
          </>
        )}
      </Section>
    </div>
  );
}
