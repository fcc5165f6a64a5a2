// The integration path end to end: the cadre creates a new recruit with a tutor, the recruit accepts her
// invitation and completes a step, the tutor validates it and a competency, the cadre sees it on /equipe
// and downloads the CSV.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "../helpers/browser";

let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const RECRUIT = { name: "Lucie Bernard", email: `lucie.bernard.${Date.now()}@pivot.demo`, password: "une phrase de passe pour Pivot" };
const STEP = "Point d'étape de la première semaine";

async function signOut(page: Awaited<ReturnType<typeof launch>>["page"]) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL(/\/connexion/);
}

describe("integration path journey", () => {
  it("goes from account creation to a validated step and competency, seen by the cadre", async () => {
    const { page, consoleErrors } = browser;

    // 1. The cadre creates the account and assigns the tutor.
    await signIn(page, "cadre@pivot.demo");
    await page.getByRole("link", { name: "Équipe", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Mon équipe" }).waitFor();
    await page.getByRole("link", { name: "Créer un compte" }).click();
    await page.getByRole("heading", { level: 1, name: "Créer un compte" }).waitFor();
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await page.getByText("Saisissez le prénom et le nom.").waitFor(); // server-side French messages
    consoleErrors.length = 0; // the browser logs the expected 400 of that refused submission
    await page.getByLabel("Prénom et nom").fill(RECRUIT.name);
    await page.getByLabel("Adresse e-mail professionnelle").fill(RECRUIT.email);
    await page.getByLabel("Tutrice (pour une personne en formation)").selectOption({ label: "Sophie Lefèvre" });
    await screenshot(page, "50-creer-compte");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await page.getByRole("heading", { level: 1, name: "Compte créé" }).waitFor();
    const link = await page.locator("[data-invitation-link]").inputValue();
    expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{40,}$/);
    await signOut(page);

    // 2. The recruit accepts the invitation and completes a step of her path.
    await page.goto(new URL(link).pathname);
    await page.getByRole("heading", { level: 1, name: `Bienvenue ${RECRUIT.name}` }).waitFor();
    await page.getByLabel("Mot de passe", { exact: true }).fill(RECRUIT.password);
    await page.getByLabel("Confirmez le mot de passe").fill(RECRUIT.password);
    await page.getByRole("button", { name: "Enregistrer et me connecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Bonjour Lucie" }).waitFor();
    await page.getByRole("link", { name: "Mon parcours", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Mon parcours d'intégration" }).waitFor();
    const step = page.locator('[data-step="template:point-etape-semaine-1"]');
    await step.getByText("Ajouter un commentaire (facultatif)").click();
    // A comment with a social security number is refused; her text comes back, visible, for her to correct.
    const withNir = "Point fait avec Sophie au sujet du 2 85 12 75 123 456 38.";
    await step.getByLabel("Votre commentaire").fill(withNir);
    await step.getByRole("button", { name: `J'ai fait cette étape : ${STEP}` }).click();
    await page.getByText("semble contenir un numéro de sécurité sociale").first().waitFor();
    await expect.poll(() => step.getByLabel("Votre commentaire").inputValue()).toBe(withNir);
    expect(await step.getByLabel("Votre commentaire").isVisible()).toBe(true);
    expect(await step.getAttribute("data-status")).not.toBe("a_valider");
    consoleErrors.length = 0; // the browser logs the expected 400 of that refused submission
    await step.getByLabel("Votre commentaire").fill("Point fait avec Sophie, tout va bien.");
    await step.getByRole("button", { name: `J'ai fait cette étape : ${STEP}` }).click();
    await page.getByText("Étape enregistrée. Bravo !").waitFor();
    await expect.poll(() => step.getAttribute("data-status")).toBe("a_valider");
    await screenshot(page, "51-parcours-recrue");
    await signOut(page);

    // 3. The tutor validates the step and a competency observed on the job.
    await signIn(page, "tuteur@pivot.demo");
    await page.getByRole("link", { name: "Tutorat", exact: true }).click();
    const card = page.locator(`[data-mentee="${RECRUIT.name}"]`);
    await card.getByText(STEP).waitFor(); // what awaits her validation
    await card.getByRole("link", { name: RECRUIT.name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Suivi de ${RECRUIT.name}` }).waitFor();
    await page
      .locator('[data-step="template:point-etape-semaine-1"]')
      .getByRole("button", { name: `Valider l'étape : ${STEP}` })
      .click();
    await page.getByText("Étape validée.").waitFor();
    await page.getByLabel("Compétence", { exact: true }).selectOption("gi-identitovigilance");
    await page.getByLabel("Situation observée", { exact: true }).fill("A vérifié l'identité de trois patients au guichet avec leur pièce d'identité.");
    await page.getByRole("button", { name: "Valider la compétence" }).click();
    await page.getByText("Compétence validée.").waitFor();
    await expect.poll(() => page.locator('[data-validation="gi-identitovigilance"]').count()).toBe(1);
    await screenshot(page, "52-suivi-tutrice");
    await signOut(page);

    // 4. The cadre sees the progress on /equipe and downloads the CSV.
    await signIn(page, "cadre@pivot.demo");
    await page.goto("/equipe?tri=nom");
    const row = page.locator(`[data-person="${RECRUIT.email}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain("Sophie Lefèvre");
    expect(await row.textContent()).toMatch(/\d+ % \(1\/\d+\)/);
    await screenshot(page, "53-equipe");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter en CSV" }).click()]);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`${RECRUIT.name};${RECRUIT.email};Nouvelle recrue;Cardiologie`);
    expect(consoleErrors, consoleErrors.join("\n")).toEqual([]);
  });
});
