// "Mot de passe oublié": the link goes to the account's own address; the answer never says whether an account exists.
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { FormMessage, TextField } from "~/components/field";
import { emailSchema } from "~/forms/account.server";
import { requestPasswordReset, RESET_MINUTES } from "~/models/accounts.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limit.server";
import { normalizeEmail } from "~/models/user.server";
import { getEnv } from "~/utils/env.server";
import { clientAddress, readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Pivot" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = String(form.get("email") ?? "");
  const parsed = emailSchema.safeParse({ email });
  if (!parsed.success) return data({ sent: null, email, error: parsed.error.issues[0]!.message }, { status: 400 });
  const [byAddress, byEmail] = await Promise.all([
    hitRateLimit({ key: `reinitialisation:adresse:${clientAddress(context)}`, ...LIMITS.passwordReset }),
    hitRateLimit({ key: `reinitialisation:email:${normalizeEmail(parsed.data.email)}`, ...LIMITS.passwordReset }),
  ]);
  // Past the limit, nothing more is sent, and the answer stays the same (it says nothing of the account).
  if (!byAddress.limited && !byEmail.limited) await requestPasswordReset({ email: parsed.data.email, publicUrl: getEnv().PUBLIC_URL, address: clientAddress(context) });
  // Written here, not at the top of the module: the browser bundle does not have the server's constants.
  const sent = `Si un compte Pivot correspond à cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il est valable ${RESET_MINUTES} minutes et ne sert qu'une fois. Pensez à regarder dans les courriers indésirables.`;
  return { sent, email, error: null };
}

export default function MotDePasseOublie() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">Mot de passe oublié</h1>
      {result?.sent ? (
        <FormMessage kind="success">{result.sent}</FormMessage>
      ) : (
        <>
          <p>Indiquez l'adresse e-mail de votre compte : vous y recevrez un lien pour choisir un nouveau mot de passe. Ce lien débloque aussi un compte bloqué après trop de tentatives.</p>
          <Form method="post" className="card space-y-4" noValidate>
            <TextField name="email" type="email" label="Adresse e-mail" autoComplete="username" required defaultValue={result?.email ?? ""} error={result?.error ?? undefined} />
            <button type="submit" className="btn-primary" disabled={busy}>
              Recevoir le lien
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/connexion">Revenir à la connexion</Link>
      </p>
    </div>
  );
}
