// The names authors may use in MDX without imports (the registry itself is in ./index.tsx).
export const MDX_COMPONENT_NAMES = ["Encadre", "Situation", "Question", "Reponse", "Terme", "Alerte", "Conduite", "Exercice"] as const;
/** Fiches réflexes stay plain: callouts, glossary links and the registry's red flags and conducts. */
export const FICHE_COMPONENT_NAMES = ["Encadre", "Terme", "Alerte", "Conduite"] as const;
