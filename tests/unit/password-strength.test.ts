import { describe, expect, it } from "vitest";
import { checkPasswordStrength, PASSWORD_HINT } from "~/utils/password-strength.server";

const CAMILLE = { email: "c.martin@hopital.fr", name: "Camille Martin" };

const refused: { password: string; context: { email: string; name: string }; why: RegExp }[] = [
  { password: "aaaaaaaaaaaa", context: CAMILLE, why: /^Ce mot de passe est trop facile à deviner : c'est un même caractère répété/ },
  { password: " ".repeat(12), context: CAMILLE, why: /^Ce mot de passe ne contient que des espaces/ },
  { password: "\t  \n    \u00a0   ", context: CAMILLE, why: /^Ce mot de passe ne contient que des espaces/ },
  { password: "   abcdefghi   ", context: CAMILLE, why: /^Sans les espaces du début et de la fin, ce mot de passe compte moins de 12 caractères\./ },
  {
    password: "motdepasse123",
    context: CAMILLE,
    why: /^Ce mot de passe est trop facile à deviner : il repose sur l'un des mots de passe les plus utilisés et une suite évidente/,
  },
  { password: "Marseille2024", context: CAMILLE, why: /^Ce mot de passe est trop facile à deviner : il repose sur un mot courant et une année\./ },
  { password: "azertyuiop12", context: CAMILLE, why: /^Ce mot de passe est trop facile à deviner : c'est une suite de touches voisines sur le clavier/ },
  {
    password: "Camille Martin 2026",
    context: { email: "cmartin@hopital.fr", name: "Camille Martin" },
    why: /^Ce mot de passe contient « Camille », qui fait partie de votre nom : /,
  },
  {
    password: "camille.martin",
    context: { email: "camille.martin@hopital.fr", name: "Camille Martin" },
    why: /^Ce mot de passe contient « camille\.martin », le début de votre adresse e-mail : /,
  },
  // Only the e-mail address identifies the person here, written with other separators.
  { password: "Camille-Martin-97!", context: { email: "camille.martin@hopital.fr", name: "Nadia Benali" }, why: /le début de votre adresse e-mail/ },
  // Accents and case do not matter, either way.
  {
    password: "Hélène1234567",
    context: { email: "hdurand@hopital.fr", name: "Hélène Durand" },
    why: /^Ce mot de passe contient « Hélène », qui fait partie de votre nom : /,
  },
  { password: "HELENE-x9Qm2Lp#", context: { email: "hdurand@hopital.fr", name: "Hélène Durand" }, why: /« Hélène », qui fait partie de votre nom/ },
  { password: "hélène-x9Qm2Lp#", context: { email: "hdurand@hopital.fr", name: "Helene Durand" }, why: /« Helene », qui fait partie de votre nom/ },
  { password: "wK4#durand!9zQ", context: { email: "hdurand@hopital.fr", name: "Hélène Durand" }, why: /« Durand », qui fait partie de votre nom/ },
  // Letters whose accent does not decompose (Ł, Ø, Œ…) fold too.
  { password: "lucja2026lucja", context: { email: "l.nguyen@hopital.fr", name: "Łucja Nguyễn" }, why: /« Łucja », qui fait partie de votre nom/ },
  // Each piece of the address identifies her, even when the name on the account is written otherwise.
  { password: "bQ7#dupontine-x", context: { email: "j.dupont@hopital.fr", name: "Jeanne Martin" }, why: /« dupont », qui fait partie de votre adresse e-mail/ },
];

const accepted: { password: string; context: { email: string; name: string } }[] = [
  { password: "cheval lampe orage tisane", context: CAMILLE },
  { password: "q7Rf2LxW9pZt4mKc8VbN", context: CAMILLE },
  // Spaces at either end are neither refused nor counted.
  { password: "  cheval lampe orage tisane ", context: CAMILLE },
  // Two-letter parts of a name are not searched for ("Li" is in "lisière").
  { password: "lisière bocal ventouse prune", context: { email: "a.li@hopital.fr", name: "Ana Li" } },
];

describe("checkPasswordStrength", () => {
  it.each(refused)("refuses $password", ({ password, context, why }) => {
    const result = checkPasswordStrength(password, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(why);
    // One sentence saying why, then the hint.
    expect(result.message.endsWith(` ${PASSWORD_HINT}`)).toBe(true);
    const reason = result.message.slice(0, -PASSWORD_HINT.length).trim();
    expect(reason).toMatch(/\.$/);
    expect(reason.split(/[.!?] +(?=\p{Lu})/u)).toHaveLength(1);
  });

  it.each(accepted)("accepts $password", ({ password, context }) => {
    expect(checkPasswordStrength(password, context)).toEqual({ ok: true });
  });

  it("judges the longest password the form takes (200 characters) without holding the server for long", () => {
    checkPasswordStrength("les dictionnaires sont chargés", CAMILLE);
    // Random-looking and full of l33t characters, the slowest kind for zxcvbn (fixed seed: same string every run).
    const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@$!|+&#%?";
    let seed = 20_260_101;
    const random = Array.from({ length: 200 }, () => chars[((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) >>> 16) % chars.length]).join("");
    const start = performance.now();
    expect(checkPasswordStrength(random, CAMILLE)).toEqual({ ok: true });
    expect(performance.now() - start).toBeLessThan(2000); // ~0.2 s here; seconds with zxcvbn's default limits
    expect(checkPasswordStrength("a".repeat(200), CAMILLE).ok).toBe(false);
  });
});
