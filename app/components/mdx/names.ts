// The names authors may use in MDX without imports (the registry itself is in ./index.tsx).
export const MDX_COMPONENT_NAMES = ["Callout", "Situation", "Question", "Reponse", "Terme"] as const;
/** Fiches réflexes stay plain: callouts and glossary links only. */
export const FICHE_COMPONENT_NAMES = ["Callout", "Terme"] as const;
