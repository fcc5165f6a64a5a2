// The action behind every "choose your password" form (an invitation, a reset link): the same checks in
// the same order, whatever the link.
import { data, type AppLoadContext } from "@remix-run/node";
import { passwordSchema } from "~/forms/integration.server";
import { fieldErrors, formDataToObject } from "./forms";
import { clientAddress, readForm } from "./http.server";
import { checkPasswordStrength } from "./password-strength.server";
import { createSession } from "./session.server";

const NOT_SAVED = "Le mot de passe n'est pas enregistré : voyez les champs signalés.";

/**
 * Reads the form, checks the link (`find`), the password's strength against the person's name and
 * email, then saves it once (`save`, null when the link was used meanwhile) and signs her in.
 * `invalid` is the French message of a link that no longer works (410).
 */
export async function choosePassword(
  request: Request,
  link: { find: () => Promise<{ email: string; name: string } | null>; save: (password: string, address: string) => Promise<string | null>; invalid: string },
  context?: AppLoadContext,
) {
  const parsed = passwordSchema.safeParse(formDataToObject(await readForm(request)));
  if (!parsed.success) return data({ message: NOT_SAVED, errors: fieldErrors(parsed.error) }, { status: 400 });
  const person = await link.find();
  if (!person) return data({ message: link.invalid, errors: {} as Record<string, string> }, { status: 410 });
  const strength = checkPasswordStrength(parsed.data.password, person);
  if (!strength.ok) return data({ message: NOT_SAVED, errors: { password: strength.message } as Record<string, string> }, { status: 400 });
  const userId = await link.save(parsed.data.password, clientAddress(context));
  if (!userId) return data({ message: link.invalid, errors: {} as Record<string, string> }, { status: 410 });
  return createSession({ request, userId, redirectTo: "/" });
}
