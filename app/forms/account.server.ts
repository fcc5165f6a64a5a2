// Schemas of the account forms (sign-in, forgotten password, « Mon compte », closing and erasing an
// account), parsed by the actions. A server module: the browser never receives them.
import { z } from "~/utils/zod";
import { passwordSchema } from "./integration.server";

export const loginSchema = z.object({
  email: z.string({ error: "Saisissez votre adresse e-mail." }).trim().min(1, "Saisissez votre adresse e-mail.").email("Cette adresse e-mail n'est pas valide (exemple : prenom.nom@hopital.fr)."),
  password: z.string({ error: "Saisissez votre mot de passe." }).min(1, "Saisissez votre mot de passe.").max(200, "Mot de passe trop long."),
});

/** « Mot de passe oublié » asks for the address only, checked as at sign-in. */
export const emailSchema = loginSchema.pick({ email: true });

/** « Mon compte »: the current password, then the new one twice. */
export const passwordChangeSchema = z
  .object({ current: z.string({ error: "Saisissez votre mot de passe actuel." }).min(1, "Saisissez votre mot de passe actuel.") })
  .and(passwordSchema);

/** « Mon compte »: she asks for her account to be erased. */
export const erasureRequestSchema = z.object({ confirmation: z.literal("oui", { error: "Cochez la case pour confirmer votre demande." }) });

/** An admin confirms the erasure of one account. */
export const erasureConfirmationSchema = z.object({ userId: z.string().min(1).max(100), confirmation: z.literal("oui") });

/** The cadre confirms that a person left (her account closes). */
export const deactivationSchema = z.object({ confirmation: z.literal("oui") });
