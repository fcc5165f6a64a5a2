// A new password from a reset link: every session of the account ends, and its lockout is lifted.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage } from "~/components/field";
import { NewPasswordForm } from "~/components/new-password-form";
import { findPasswordReset, resetPassword } from "~/models/accounts.server";
import { choosePassword } from "~/utils/new-password.server";

export const meta: MetaFunction = () => [{ title: "Nouveau mot de passe — Pivot" }, { name: "referrer", content: "no-referrer" }];

const INVALID = "Ce lien n'est plus valable : il a déjà servi, ou sa durée d'une heure est dépassée. Demandez-en un nouveau.";

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await findPasswordReset(params.token ?? "");
  if (!reset) return data({ valid: false as const, email: null }, { status: 410 });
  return { valid: true as const, email: reset.email };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  return choosePassword(
    request,
    { find: () => findPasswordReset(token), save: (password, address) => resetPassword({ token, password, address }), invalid: INVALID },
    context,
  );
}

export default function Reinitialisation() {
  const { valid, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Nouveau mot de passe</h1>
      {valid ? (
        <>
          <p>Choisissez votre nouveau mot de passe. Toutes vos sessions ouvertes ailleurs seront fermées.</p>
          <NewPasswordForm email={email} message={result?.message} errors={(result?.errors ?? {}) as Record<string, string>} />
        </>
      ) : (
        <>
          <FormMessage kind="error">{INVALID}</FormMessage>
          <p>
            <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
          </p>
        </>
      )}
    </div>
  );
}
