// The names authors may use in MDX without imports (the registry itself is in ./index.tsx).
export const MDX_COMPONENT_NAMES = ["Callout", "Situation", "Question", "Reponse"] as const;
