// The sign-in form's schema, shared by the browser (react-hook-form) and the action.
import { z } from "~/utils/zod";

export const loginSchema = z.object({
  email: z.string({ error: "Saisissez votre adresse e-mail." }).trim().min(1, "Saisissez votre adresse e-mail.").email("Cette adresse e-mail n'est pas valide (exemple : prenom.nom@hopital.fr)."),
  password: z.string({ error: "Saisissez votre mot de passe." }).min(1, "Saisissez votre mot de passe.").max(200, "Mot de passe trop long."),
});
export type LoginValues = z.infer<typeof loginSchema>;
