// « Vérifier un certificat »: a public page (no sign-in) where an employer types or pastes a certificate's code.
// It looks nothing up: a well-formed code goes to its verification page (rate-limited there), anything else is
// explained under the field, with what was typed kept.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Vérifier un certificat — Pivot" }];

const CODE = /^[a-z2-7]{32}$/;
const MAX_TYPED = 300;

/**
 * A typed code as the verification page expects it: trimmed, lower case, without spaces (a code copied from a
 * PDF may be split). A pasted verification address gives its code.
 */
export function normaliseCode(typed: string): string {
  const fromAddress = /\/certificats\/([^/?#\s]+)/i.exec(typed.trim());
  return (fromAddress ? fromAddress[1]! : typed).toLowerCase().replace(/\s+/gu, "");
}

function codeError(code: string): string {
  if (code === "") return "Saisissez le code du certificat\u00a0: il figure en bas du certificat PDF, à côté du QR code.";
  const wrong = [...new Set(code.replace(/[a-z2-7]/g, ""))];
  const parts = [
    "Ce code n'a pas la forme d'un code de certificat\u00a0: il doit compter 32 caractères, des lettres et des chiffres de 2 à 7 (jamais 0, 1, 8 ni 9).",
  ];
  if (code.length !== 32) parts.push(`Celui-ci en compte ${code.length}.`);
  if (wrong.length) parts.push(`Ces caractères n'y figurent jamais\u00a0: ${wrong.slice(0, 10).join(" ")}.`);
  return parts.join(" ");
}

export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return { typed: "", error: null };
  const code = normaliseCode(typed);
  if (CODE.test(code)) throw redirect(`/certificats/${code}`);
  return { typed: typed.slice(0, MAX_TYPED), error: codeError(code) };
}

export default function VerifyCertificate() {
  const { typed, error } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <section className="card space-y-4" aria-labelledby="titre">
        <h1 id="titre" className="text-3xl font-bold">
          Vérifier un certificat
        </h1>
        <p>
          Un certificat délivré par Pivot se vérifie ici, sans compte. Saisissez ou collez son code de vérification&nbsp;: il figure en bas du certificat PDF.
          Scanner le QR code du certificat mène directement à la même vérification.
        </p>
        <Form method="get" action="/certificats" className="space-y-3" noValidate>
          <div>
            <label htmlFor="code" className="field-label">
              Code du certificat
            </label>
            <p id="code-aide" className="mb-1 text-sm text-slate-700">
              32 caractères, des lettres et des chiffres de 2 à 7. Les majuscules et les espaces sont acceptés.
            </p>
            <input
              id="code"
              name="code"
              type="text"
              defaultValue={typed}
              required
              maxLength={MAX_TYPED}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "code-aide code-erreur" : "code-aide"}
              className="field-input font-mono"
            />
            {error ? (
              <p id="code-erreur" className="field-error">
                {error}
              </p>
            ) : null}
          </div>
          <button type="submit" className="btn-primary">
            Vérifier
          </button>
        </Form>
      </section>
      <p className="text-sm text-slate-700">
        La page de vérification indique si le certificat est valide, expiré, renouvelé ou révoqué. Elle n'affiche rien d'autre sur la personne que ce qui a été
        certifié.
      </p>
    </div>
  );
}
