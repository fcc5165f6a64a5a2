// The form to choose a password, for an invitation and for a reset: same fields, same rules.
import { Form, useNavigation } from "@remix-run/react";
import { FormMessage, TextField } from "~/components/field";

export function NewPasswordForm({ email, message, errors }: { email: string; message?: string | null; errors: Record<string, string> }) {
  const busy = useNavigation().state !== "idle";
  return (
    <>
      {message ? <FormMessage kind="error">{message}</FormMessage> : null}
      <Form method="post" className="card space-y-4" noValidate>
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="btn-primary" disabled={busy}>
          Enregistrer et me connecter
        </button>
      </Form>
    </>
  );
}

/** The new password and its confirmation, with the strength rules in the hint. */
export function NewPasswordFields({ errors, label = "Mot de passe" }: { errors: Record<string, string>; label?: string }) {
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={label}
        hint="Au moins 12 caractères, sans votre nom ni votre adresse e-mail. Une phrase de quatre ou cinq mots sans rapport entre eux est facile à retenir et difficile à deviner."
        autoComplete="new-password"
        required
        error={errors.password}
      />
      <TextField
        name="confirmation"
        type="password"
        label={`Confirmez le ${label.toLowerCase()}`}
        autoComplete="new-password"
        required
        error={errors.confirmation}
      />
    </>
  );
}
