import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { loginSchema } from "~/forms/account.server";
import { ADDRESS_THROTTLE, LOCKOUT, verifyLogin } from "~/models/user.server";
import { getOptionalUser } from "~/models/permissions.server";
import { safeRedirect } from "~/utils/auth.server";
import { fieldErrors } from "~/utils/forms";
import { createSession } from "~/utils/session.server";
import { clientAddress, readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Connexion — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = String(form.get("email") ?? "");
  const redirectTo = safeRedirect(form.get("redirectTo"), "/");
  const parsed = loginSchema.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success) return data({ email, errors: fieldErrors(parsed.error), formError: null }, { status: 400 });
  // Defined inside the action: the browser bundle never sees the server constants.
  const LOGIN_ERRORS = {
    invalid: "Adresse e-mail ou mot de passe incorrect. Vérifiez votre saisie (majuscules, accents) et réessayez.",
    locked: `Trop de tentatives de connexion échouées pour cette adresse. Par sécurité, réessayez dans ${LOCKOUT.windowMinutes} minutes, ou choisissez un nouveau mot de passe avec « Mot de passe oublié\u202f? » : le lien reçu par e-mail débloque le compte.`,
    throttled: `Trop de tentatives de connexion échouées depuis ce poste. Réessayez dans ${ADDRESS_THROTTLE.windowMinutes} minutes.`,
    deactivated: "Ce compte a été désactivé : il ne permet plus de se connecter. Si vous pensez qu'il s'agit d'une erreur, adressez-vous à votre cadre de santé.",
  } as const;
  const result = await verifyLogin({ email: parsed.data.email, password: parsed.data.password, address: clientAddress(context) });
  if (!result.ok) return data({ email, errors: {} as Record<string, string>, formError: LOGIN_ERRORS[result.reason] }, { status: result.reason === "invalid" ? 401 : result.reason === "deactivated" ? 403 : 429 });
  return createSession({ request, userId: result.userId, redirectTo });
}

/**
 * A plain form (no client-side validation library): the action checks both fields with zod and
 * answers with one French message per field; the focus then goes to the first field to fix.
 */
export default function Connexion() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!actionData) return;
    (actionData.errors.email ? emailRef : passwordRef).current?.focus();
  }, [actionData]);

  const emailError = actionData?.errors.email;
  const passwordError = actionData?.errors.password;
  const busy = navigation.state !== "idle";

  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Connexion</h1>
      <p className="mt-2 text-slate-700">Accédez à votre parcours d'intégration, à vos modules et à vos fiches réflexes.</p>
      <Form method="post" noValidate className="card mt-6 space-y-5">
        {actionData?.formError ? (
          <div role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
            {actionData.formError}
          </div>
        ) : null}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <div>
          <label htmlFor="email" className="field-label">
            Adresse e-mail
          </label>
          <input
            ref={emailRef}
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            className="field-input"
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "email-erreur" : undefined}
            defaultValue={actionData?.email}
          />
          {emailError ? (
            <p id="email-erreur" className="field-error">
              {emailError}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="password" className="field-label">
            Mot de passe
          </label>
          <input
            ref={passwordRef}
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            className="field-input"
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? "password-erreur" : undefined}
          />
          {passwordError ? (
            <p id="password-erreur" className="field-error">
              {passwordError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Connexion…" : "Se connecter"}
        </button>
      </Form>
      <p className="mt-4 text-center">
        <Link to="/mot-de-passe-oublie">{"Mot de passe oublié\u202f?"}</Link>
      </p>
    </div>
  );
}
