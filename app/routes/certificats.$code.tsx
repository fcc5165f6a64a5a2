import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { FormMessage, TextArea } from "~/components/field";
import { revokeSchema } from "~/forms/certificates.server";
import { publicCertificate } from "~/models/certificate-public-view.server";
import { revokeCertificate } from "~/models/certificate-registry.server";
import { getOptionalUser, requireRole } from "~/models/permissions.server";
import { fieldErrors, formDataToObject } from "~/utils/forms";
import { clientAddress, readForm } from "~/utils/http.server";
import { formatDay } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Certificat — ${data.view.title} — Pivot` : "Vérification de certificat — Pivot" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { view } = await publicCertificate(request, params.code, context);
  const user = await getOptionalUser(request);
  return { view, isAdmin: user?.role === "admin" };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const parsed = revokeSchema.safeParse(formDataToObject(await readForm(request)));
  if (!parsed.success)
    return data({ ok: false, message: "Le certificat n'est pas révoqué : voyez les champs signalés.", errors: fieldErrors(parsed.error) }, { status: 400 });
  if (!(await revokeCertificate({ code: params.code ?? "", by: admin.id, reason: parsed.data.reason, address: clientAddress(context) })))
    return data({ ok: false, message: "Ce certificat est déjà révoqué ou n'existe pas.", errors: {} as Record<string, string> }, { status: 409 });
  return { ok: true, message: "Certificat révoqué : la page de vérification l'indique désormais.", errors: {} as Record<string, string> };
}

const STATUS_STYLES: Record<string, string> = {
  valide: "border-emerald-700 bg-emerald-50 text-emerald-900",
  a_actualiser: "border-emerald-700 bg-emerald-50 text-emerald-900",
  expire: "border-amber-700 bg-amber-50 text-amber-900",
  revoque: "border-red-700 bg-red-50 text-red-900",
  renouvele: "border-slate-600 bg-slate-50 text-slate-900",
};

export default function CertificatePage() {
  const { view, isAdmin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <article className="card space-y-4 print:border-0 print:shadow-none" aria-labelledby="titre">
        <p className="text-sm font-bold uppercase tracking-wide text-brand-700">Certificat Pivot</p>
        <h1 id="titre" className="text-3xl font-bold">
          {view.title}
        </h1>
        <p className={`rounded-md border-l-4 px-4 py-3 text-lg font-bold ${STATUS_STYLES[view.status]}`} role="status" data-certificate-status={view.status}>
          {view.status === "revoque"
            ? `Certificat révoqué le ${formatDay(view.revokedAt!)}${view.revokedReason ? ` : ${view.revokedReason}` : ""}.`
            : view.status === "renouvele"
              ? `Certificat renouvelé le ${formatDay(view.renewedAt!)}${view.renewedBy ? ` : il est remplacé par un certificat valide jusqu'au ${formatDay(view.renewedBy.validUntil)}` : ""}.`
              : view.status === "expire"
                ? `Certificat expiré le ${formatDay(view.validUntil)}.`
                : `Certificat valide jusqu'au ${formatDay(view.validUntil)}.`}
        </p>
        {view.renewedBy ? (
          <p>
            <a href={`/certificats/${view.renewedBy.code}`}>Voir le certificat en cours</a>
          </p>
        ) : null}
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="font-semibold">Titulaire</dt>
            <dd>{view.holderErased ? `Certificat délivré à ${view.holderName}` : view.holderName}</dd>
          </div>
          <div>
            <dt className="font-semibold">Niveau</dt>
            <dd>{view.level}</dd>
          </div>
          <div>
            <dt className="font-semibold">Délivré le</dt>
            <dd>{formatDay(view.issuedAt)}</dd>
          </div>
          <div>
            <dt className="font-semibold">Valide jusqu'au</dt>
            <dd>{formatDay(view.validUntil)}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="font-semibold">Code de vérification</dt>
            <dd className="break-all font-mono">{view.code}</dd>
          </div>
        </dl>
        {view.history.length ? (
          <section aria-labelledby="historique" className="space-y-1">
            <h2 id="historique" className="text-lg font-bold">
              Historique
            </h2>
            <ol className="list-decimal pl-6" data-testid="historique-certificat">
              {view.history.map((h) => (
                <li key={h.code}>
                  {h.first ? "Délivré" : "Renouvelé"} le {formatDay(h.issuedAt)}, valide jusqu'au {formatDay(h.validUntil)}
                  {h.current ? (
                    " (ce certificat)"
                  ) : (
                    <>
                      {" "}
                      — <a href={`/certificats/${h.code}`}>voir</a>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        <p className="text-sm text-slate-700">
          Cette page est publique : elle permet à un employeur de vérifier le certificat. Elle n'affiche aucune autre information sur la personne.{" "}
          <a href="/certificats" className="print:hidden">
            Vérifier un autre certificat
          </a>
        </p>
        {view.status === "revoque" ? (
          // A revoked certificate's PDF and badges answer 410: they are not offered any more.
          <p className="text-sm text-slate-700" data-testid="documents-revoques">
            Ce certificat étant révoqué, son PDF et ses badges numériques ne sont plus délivrés.
          </p>
        ) : (
          <p className="flex flex-wrap gap-3 print:hidden">
            <a href={`/certificats/${view.code}/pdf`} className="btn-primary">
              Télécharger le PDF
            </a>
            <a href={`/certificats/${view.code}/openbadge.json`} className="btn-secondary">
              Open Badge (JSON)
            </a>
            <a href={`/certificats/${view.code}/openbadge.jwt`} className="btn-secondary">
              Open Badge signé (VC-JWT)
            </a>
          </p>
        )}
      </article>
      {isAdmin && view.status !== "revoque" ? (
        <section aria-labelledby="revoquer" className="card space-y-3 print:hidden">
          <h2 id="revoquer" className="text-xl font-bold">
            Révoquer ce certificat
          </h2>
          {result?.message ? <FormMessage kind={result.ok ? "success" : "error"}>{result.message}</FormMessage> : null}
          <Form method="post" className="space-y-3" noValidate>
            <TextArea name="reason" label="Motif de la révocation" required maxLength={500} error={result?.errors.reason} />
            <label className="flex items-start gap-2">
              <input type="checkbox" name="confirmation" value="oui" className="mt-1 h-5 w-5" aria-invalid={result?.errors.confirmation ? true : undefined} />
              <span>Je confirme : ce certificat ne sera plus valable, et sa page de vérification le dira à quiconque la consulte.</span>
            </label>
            {result?.errors.confirmation ? <p className="field-error">{result.errors.confirmation}</p> : null}
            <button type="submit" className="btn-danger">
              Révoquer
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

/**
 * The errors of a verification, written for whoever checks a certificate (an employer, usually without an
 * account): what happened, what to check, and a way to type the code again — not the dashboard of the app.
 */
export function certificateErrorCopy(error: unknown): { status: number; title: string; message: string; advice: string | null } {
  const text = isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? error.data : null;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404)
    return {
      status,
      title: "Certificat introuvable",
      message: "Aucun certificat ne correspond à ce code.",
      advice:
        "Vérifiez qu'il a été recopié en entier et sans faute\u00a0: un code compte 32 caractères, des lettres et des chiffres de 2 à 7 (jamais 0, 1, 8 ni 9). Il figure en bas du certificat PDF, à côté du QR code. Si le code est exact, demandez à la personne de vous transmettre à nouveau son certificat ou le lien de vérification.",
    };
  if (status === 410)
    return {
      status,
      title: "Certificat révoqué",
      message: text ?? "Ce certificat a été révoqué.",
      advice: "Un certificat révoqué n'atteste plus rien\u00a0: demandez à la personne son certificat en cours.",
    };
  if (status === 429)
    return {
      status,
      title: "Trop de vérifications",
      message: "Trop de vérifications ont été faites depuis votre connexion en peu de temps.",
      advice: "Réessayez dans une minute\u00a0: cette limite empêche de deviner des codes au hasard.",
    };
  if (status === 403) return { status, title: "Accès refusé", message: text ?? "Cette action est réservée à l'administration de la plateforme.", advice: null };
  if (status < 500) return { status, title: "Demande incorrecte", message: text ?? "La demande n'a pas pu être traitée.", advice: null };
  return { status, title: "Vérification impossible pour le moment", message: "Le problème vient de notre côté. Réessayez dans un instant.", advice: null };
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error) && error instanceof Error) console.error(error);
  const copy = certificateErrorCopy(error);
  return (
    <section className="card mx-auto max-w-xl space-y-3" aria-labelledby="erreur-titre" data-error-status={copy.status}>
      <p className="text-sm font-semibold text-slate-600">Erreur {copy.status}</p>
      <h1 id="erreur-titre" className="text-3xl font-bold">
        {copy.title}
      </h1>
      <p>{copy.message}</p>
      {copy.advice ? <p>{copy.advice}</p> : null}
      <p className="pt-2">
        <a href="/certificats" className="btn-primary">
          Saisir un autre code
        </a>
      </p>
    </section>
  );
}
