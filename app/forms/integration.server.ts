// Schemas of the integration path, tutoring and team forms, parsed by the actions. A server module:
// the browser never receives them (the pages show the reminder from ./patient-data).
import { LEVELS, PROFILES, REVIEW_OUTCOMES } from "~/domain/vocabulary";
import { STEP_KIND_IDS } from "~/content/path-steps";
import { containsNir } from "~/domain/nir";
import { z } from "~/utils/zod";
import { NO_PATIENT_DATA_MESSAGE } from "./patient-data";

/** Refinement for free-text fields: `.check(noPatientData)` refuses a text holding a valid NIR (key checked). */
export const noPatientData = z.refine<string | null | undefined>((v) => !v || !containsNir(v), NO_PATIENT_DATA_MESSAGE);

const id = z.string({ error: "Élément manquant." }).trim().min(1, "Élément manquant.").max(100);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .optional()
    .transform((v) => (v ? v : null));
const requiredText = (max: number, message: string, label: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${label} : ${max} caractères au plus.`);
const isoDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), message);

export const stepDoneSchema = z.object({ stepId: id, comment: optionalText(500, "Le commentaire").check(noPatientData) });
export const stepIdSchema = z.object({ stepId: id });

export const reportSchema = z.object({
  surprises: requiredText(2000, "Dites en quelques mots ce qui vous a surprise.", "Ce qui vous a surprise").check(noPatientData),
  helped: requiredText(2000, "Dites ce qui vous a aidée.", "Ce qui vous a aidée").check(noPatientData),
  suggestions: requiredText(2000, "Proposez au moins une idée, même petite.", "Vos propositions").check(noPatientData),
});

export const validateStepSchema = z.object({ stepId: id, comment: optionalText(500, "Le commentaire").check(noPatientData) });

export const checkpointSchema = z.object({
  heldOn: isoDate("Indiquez la date du point d'étape (jj/mm/aaaa)."),
  notes: requiredText(3000, "Notez ce qui s'est dit pendant le point d'étape.", "Les notes").check(noPatientData),
  actions: optionalText(2000, "Les actions").check(noPatientData),
});

export const validationSchema = z.object({
  competencyId: id,
  level: z.enum(LEVELS, { error: "Choisissez un niveau." }),
  observedOn: isoDate("Indiquez la date de l'observation (jj/mm/aaaa)."),
  evidence: requiredText(1000, "Décrivez en une ou deux phrases la situation observée.", "La situation observée").check(noPatientData),
});
export const correctionSchema = validationSchema.extend({ validationId: id });
export const commentSchema = z.object({ validationId: id, comment: requiredText(1000, "Écrivez votre commentaire.", "Le commentaire").check(noPatientData) });

export const reviewSchema = z.object({
  outcome: z.enum(REVIEW_OUTCOMES, { error: "Choisissez l'issue du bilan." }),
  summary: requiredText(3000, "Résumez le bilan en quelques phrases.", "Le bilan").check(noPatientData),
  nextSteps: requiredText(2000, "Indiquez les prochaines étapes de formation.", "Les prochaines étapes").check(noPatientData),
});

export const assignTutorSchema = z.object({ tutorId: id });

/** A change of role, profile or service decided by the cadre (roles she may give: learner or tutor). */
export const positionSchema = z.object({
  role: z.enum(["learner", "tutor"], { error: "Choisissez un rôle." }),
  profile: z.enum(PROFILES, { error: "Choisissez un profil." }),
  serviceId: id,
});

export const serviceStepSchema = z.object({
  phase: id,
  kind: z.enum(STEP_KIND_IDS, { error: "Choisissez un type d'étape." }),
  title: requiredText(160, "Donnez un titre à l'étape.", "Le titre").check(noPatientData),
  description: requiredText(1000, "Décrivez l'étape en une ou deux phrases.", "La description").check(noPatientData),
  link: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^https?:\/\/\S+$/.test(v), "Le lien doit commencer par http:// ou https://."),
  contact: optionalText(300, "Le contact").check(noPatientData),
  dueDay: z.coerce
    .number({ error: "Indiquez un nombre de jours." })
    .int("Indiquez un nombre entier de jours.")
    .min(-60, "Au plus 60 jours avant l'arrivée.")
    .max(400, "Au plus 400 jours après l'arrivée."),
  requiresTutor: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

export const newAccountSchema = z
  .object({
    name: requiredText(120, "Saisissez le prénom et le nom.", "Le nom"),
    email: z
      .string({ error: "Saisissez l'adresse e-mail." })
      .trim()
      .min(1, "Saisissez l'adresse e-mail.")
      .email("Cette adresse e-mail n'est pas valide (exemple : prenom.nom@hopital.fr)."),
    role: z.enum(["learner", "tutor", "manager"], { error: "Choisissez un rôle." }),
    profile: z.enum(PROFILES, { error: "Choisissez un profil." }).optional(),
    serviceId: id,
    hireDate: isoDate("Indiquez la date d'arrivée (jj/mm/aaaa)."),
    tutorId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.role === "learner" && !v.profile) ctx.addIssue({ code: "custom", path: ["profile"], message: "Choisissez le profil de la personne." });
  });

export const passwordSchema = z
  .object({
    password: z
      .string({ error: "Choisissez un mot de passe." })
      .min(12, "Le mot de passe doit compter au moins 12 caractères.")
      .max(200, "Mot de passe trop long."),
    confirmation: z.string({ error: "Confirmez le mot de passe." }),
  })
  .refine((v) => v.password === v.confirmation, { path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." });

export const complementSchema = z.object({
  complementId: id,
  level: z.enum(LEVELS, { error: "Choisissez un niveau." }),
  note: requiredText(1000, "Indiquez sur quoi repose l'attestation (observations, entretien avec le médecin…).", "Le fondement").check(noPatientData),
});

/** The service (and step) a « Parcours du service » form acts on. */
export const serviceTargetSchema = z.object({ serviceId: z.string().min(1), stepId: z.string().optional() });

/** The presentation of a service shown to its newcomers. */
export const serviceDescriptionSchema = z.string().trim().max(2000, "2 000 caractères au plus.");
