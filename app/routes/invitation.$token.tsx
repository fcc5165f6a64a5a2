import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage } from "~/components/field";
import { NewPasswordForm } from "~/components/new-password-form";
import { acceptInvitation, findInvitation } from "~/models/accounts.server";
import { choosePassword } from "~/utils/new-password.server";

export const meta: MetaFunction = () => [{ title: "Choisir mon mot de passe — Pivot" }];

const INVALID = "Ce lien d'invitation n'est plus valable : il a déjà servi ou a dépassé ses 7 jours. Demandez un nouveau lien à votre cadre.";

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(params.token ?? "");
  if (!invitation) return data({ valid: false as const, name: null, email: null }, { status: 410 });
  return { valid: true as const, name: invitation.name, email: invitation.email };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  return choosePassword(
    request,
    { find: () => findInvitation(token), save: (password, address) => acceptInvitation({ token, password, address }), invalid: INVALID },
    context,
  );
}

export default function Invitation() {
  const { valid, name, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!valid)
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-3xl font-bold">Invitation</h1>
        <FormMessage kind="error">{INVALID}</FormMessage>
        <p>
          <Link to="/connexion">Aller à la page de connexion</Link>
        </p>
      </div>
    );
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Bienvenue {name}</h1>
      <p>Choisissez votre mot de passe pour accéder à Pivot. Votre identifiant est votre adresse e-mail : {email}.</p>
      <NewPasswordForm email={email ?? ""} message={result?.message} errors={(result?.errors ?? {}) as Record<string, string>} />
    </div>
  );
}
