// Specialties, glossary categories and the sections of a fiche réflexe: plain constants, without zod,
// so that the pages can show them without the content schemas (./glossary) reaching the browser.

export const SPECIALTIES = [
  { id: "cardiologie", label: "Cardiologie" },
  { id: "radiologie", label: "Radiologie et imagerie" },
  { id: "odontologie", label: "Cabinet dentaire et odontologie" },
  { id: "psychiatrie", label: "Psychiatrie" },
  { id: "oncologie", label: "Oncologie" },
  { id: "geriatrie", label: "Gériatrie" },
  { id: "pediatrie", label: "Pédiatrie" },
  { id: "gynecologie-obstetrique", label: "Gynécologie-obstétrique" },
  { id: "orthopedie-traumatologie", label: "Chirurgie orthopédique et traumatologie" },
  { id: "ophtalmologie", label: "Ophtalmologie" },
  { id: "orl", label: "ORL" },
  { id: "gastro-enterologie", label: "Gastro-entérologie et endoscopie" },
  { id: "nephrologie", label: "Néphrologie et dialyse" },
  { id: "pneumologie", label: "Pneumologie" },
  { id: "neurologie", label: "Neurologie" },
  { id: "medecine-generale", label: "Médecine générale en cabinet libéral" },
  { id: "urgences", label: "Urgences" },
] as const;
export type SpecialtyId = (typeof SPECIALTIES)[number]["id"];
export const SPECIALTY_IDS = SPECIALTIES.map((s) => s.id) as [SpecialtyId, ...SpecialtyId[]];

export const GLOSSARY_CATEGORIES = [
  { id: "anatomie", label: "Anatomie" },
  { id: "racine", label: "Racines" },
  { id: "prefixe", label: "Préfixes" },
  { id: "suffixe", label: "Suffixes" },
  { id: "examen", label: "Examens et actes" },
  { id: "pathologie", label: "Maladies et symptômes" },
  { id: "traitement", label: "Traitements et soins" },
  { id: "abreviation", label: "Abréviations médicales" },
  { id: "administratif", label: "Sigles administratifs et réglementaires" },
  { id: "organisation", label: "Organisation des soins" },
  { id: "numerique", label: "Numérique et outils" },
] as const;
export type GlossaryCategory = (typeof GLOSSARY_CATEGORIES)[number]["id"];

/** The `##` headings every fiche réflexe has, in this order. */
export const FICHE_SECTIONS = [
  "La spécialité en bref",
  "Examens et plateau technique",
  "Protocole de réponse",
  "Avant la consultation",
  "Documents et circuits",
  "Codage et facturation",
  "Interlocuteurs clés",
  "Situations sensibles",
  "Pièges à éviter",
] as const;
