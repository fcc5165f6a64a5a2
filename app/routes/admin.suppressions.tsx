// « Demandes de suppression » (admin only): a person asked for her account to be erased; an admin confirms.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormMessage } from "~/components/field";
import { erasureConfirmationSchema } from "~/forms/account.server";
import { eraseAccount, listErasureRequests } from "~/models/account-lifecycle.server";
import { requireRole } from "~/models/permissions.server";
import { ROLE_LABELS } from "~/utils/auth.server";
import { formatDay } from "~/utils/dates";
import { formDataToObject } from "~/utils/forms";
import { clientAddress, readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Demandes de suppression — Administration — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const requests = await listErasureRequests();
  return {
    requests: requests.map((r) => ({ id: r.id, name: r.name, email: r.email, role: ROLE_LABELS[r.role], service: r.service, requestedAt: formatDay(r.requestedAt!), self: r.id === admin.id })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const parsed = erasureConfirmationSchema.safeParse(formDataToObject(await readForm(request)));
  if (!parsed.success) return data({ ok: false, message: "Cochez la case de confirmation de la personne concernée, puis confirmez." }, { status: 400 });
  if (parsed.data.userId === admin.id) return data({ ok: false, message: "Vous ne pouvez pas confirmer la suppression de votre propre compte : un autre administrateur doit le faire." }, { status: 400 });
  if (!(await eraseAccount({ userId: parsed.data.userId, by: admin.id, address: clientAddress(context) })))
    return data({ ok: false, message: "Cette demande n'existe plus : la personne l'a peut-être annulée, ou le compte est déjà supprimé." }, { status: 409 });
  return { ok: true, message: "Compte supprimé : son nom, son adresse et les textes la concernant sont effacés, ses sessions sont fermées. Ses certificats restent vérifiables sans son nom." };
}

export default function Suppressions() {
  const { requests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="space-y-6">
      <p className="text-sm font-semibold">
        <Link to="/admin">Administration</Link> › Demandes de suppression
      </p>
      <h1 className="text-3xl font-bold">Demandes de suppression de compte</h1>
      <p>
        La suppression est définitive : le nom, l'adresse e-mail et tous les textes concernant la personne sont effacés, et elle ne peut plus se connecter. Ses résultats restent
        seulement sous forme anonyme ; ses certificats restent vérifiables par leur code, sans son nom. Le RGPD demande de répondre dans un délai d'un mois.
      </p>
      {result ? <FormMessage kind={result.ok ? "success" : "error"}>{result.message}</FormMessage> : null}
      {requests.length === 0 ? (
        <p className="card">Aucune demande en attente.</p>
      ) : (
        <ul className="space-y-4">
          {requests.map((r) => (
            <li key={r.id} className="card space-y-3" data-erasure-request={r.email}>
              <p>
                <span className="text-lg font-bold">{r.name}</span> — {r.email}
                <span className="block text-sm text-slate-700">
                  {r.role}
                  {r.service ? `, ${r.service}` : ""} · demande du {r.requestedAt}
                </span>
              </p>
              {r.self ? (
                <p>C'est votre propre compte : un autre administrateur doit confirmer la suppression.</p>
              ) : (
                <Form method="post" className="space-y-3">
                  <input type="hidden" name="userId" value={r.id} />
                  <label className="flex items-start gap-2">
                    <input type="checkbox" name="confirmation" value="oui" required className="mt-1 h-5 w-5" />
                    <span>Je confirme la suppression définitive du compte de {r.name}.</span>
                  </label>
                  <button type="submit" className="btn-danger" disabled={busy}>
                    Supprimer le compte
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
