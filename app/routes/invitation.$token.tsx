import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormMessage, TextField } from "~/components/field";
import { passwordSchema } from "~/forms/integration";
import { acceptInvitation, findInvitation } from "~/models/accounts.server";
import { fieldErrors, formDataToObject } from "~/utils/forms";
import { createSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Choisir mon mot de passe — Pivot" }];

const INVALID = "Ce lien d'invitation n'est plus valable : il a déjà servi ou a dépassé ses 7 jours. Demandez un nouveau lien à votre cadre.";

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(params.token ?? "");
  if (!invitation) return data({ valid: false as const, name: null, email: null }, { status: 410 });
  return { valid: true as const, name: invitation.name, email: invitation.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = formDataToObject(await request.formData());
  const parsed = passwordSchema.safeParse(form);
  if (!parsed.success) return data({ message: "Le mot de passe n'est pas enregistré : voyez les champs signalés.", errors: fieldErrors(parsed.error) }, { status: 400 });
  const userId = await acceptInvitation(params.token ?? "", parsed.data.password);
  if (!userId) return data({ message: INVALID, errors: {} as Record<string, string> }, { status: 410 });
  return createSession(userId, "/");
}

export default function Invitation() {
  const { valid, name, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
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
  const errors = (result?.errors ?? {}) as Record<string, string>;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Bienvenue {name}</h1>
      <p>Choisissez votre mot de passe pour accéder à Pivot. Votre identifiant est votre adresse e-mail : {email}.</p>
      {result?.message ? <FormMessage kind="error">{result.message}</FormMessage> : null}
      <Form method="post" className="card space-y-4" noValidate>
        <input type="email" name="username" value={email ?? ""} autoComplete="username" readOnly hidden />
        <TextField name="password" type="password" label="Mot de passe" hint="Au moins 12 caractères. Une phrase facile à retenir fait un bon mot de passe." autoComplete="new-password" required error={errors.password} />
        <TextField name="confirmation" type="password" label="Confirmez le mot de passe" autoComplete="new-password" required error={errors.confirmation} />
        <button type="submit" className="btn-primary" disabled={busy}>
          Enregistrer et me connecter
        </button>
      </Form>
    </div>
  );
}
