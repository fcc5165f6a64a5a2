import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage } from "~/components/field";
import { NewPasswordForm } from "~/components/new-password-form";
import { passwordSchema } from "~/forms/integration";
import { acceptInvitation, findInvitation } from "~/models/accounts.server";
import { fieldErrors, formDataToObject } from "~/utils/forms";
import { checkPasswordStrength } from "~/utils/password-strength.server";
import { createSession } from "~/utils/session.server";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Choisir mon mot de passe — Pivot" }];

const INVALID = "Ce lien d'invitation n'est plus valable : il a déjà servi ou a dépassé ses 7 jours. Demandez un nouveau lien à votre cadre.";

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(params.token ?? "");
  if (!invitation) return data({ valid: false as const, name: null, email: null }, { status: 410 });
  return { valid: true as const, name: invitation.name, email: invitation.email };
}

const NOT_SAVED = "Le mot de passe n'est pas enregistré : voyez les champs signalés.";

export async function action({ request, params }: ActionFunctionArgs) {
  const form = formDataToObject(await readForm(request));
  const parsed = passwordSchema.safeParse(form);
  if (!parsed.success) return data({ message: NOT_SAVED, errors: fieldErrors(parsed.error) }, { status: 400 });
  const invitation = await findInvitation(params.token ?? "");
  if (!invitation) return data({ message: INVALID, errors: {} as Record<string, string> }, { status: 410 });
  const strength = checkPasswordStrength(parsed.data.password, { email: invitation.email, name: invitation.name });
  if (!strength.ok) return data({ message: NOT_SAVED, errors: { password: strength.message } as Record<string, string> }, { status: 400 });
  const userId = await acceptInvitation(params.token ?? "", parsed.data.password);
  if (!userId) return data({ message: INVALID, errors: {} as Record<string, string> }, { status: 410 });
  return createSession(userId, "/");
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
