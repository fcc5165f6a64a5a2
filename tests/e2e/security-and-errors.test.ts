import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankOf } from "../helpers/quiz-answers";
import type { Page } from "playwright-core";
import { launch, screenshot, signIn } from "../helpers/browser";

let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("errors a person can meet", () => {
  it("a wrong password shows a French error and keeps the email typed", async () => {
    const { page } = browser;
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill("cadre@pivot.demo");
    await page.getByLabel("Mot de passe").fill("pas-le-bon");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("alert").filter({ hasText: "incorrect" }).waitFor();
    expect(await page.getByRole("alert").textContent()).toMatch(/Adresse e-mail ou mot de passe incorrect/);
    expect(await page.getByLabel("Adresse e-mail").inputValue()).toBe("cadre@pivot.demo");
    await screenshot(page, "10-connexion-erreur");
  });

  it("an invalid email is refused in French by the server, and the focus goes to the field", async () => {
    const { page } = browser;
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill("cadre-sans-arobase");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("Cette adresse e-mail n'est pas valide").waitFor();
    expect(await page.getByLabel("Adresse e-mail").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Adresse e-mail").inputValue()).toBe("cadre-sans-arobase");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("email");
  });

  it("a learner gets a French 403 page on /tutorat", async () => {
    const { page } = browser;
    await signIn(page, "secretaire.confirmee@pivot.demo");
    const response = await page.goto("/tutorat");
    expect(response?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Accès refusé");
    expect(await page.getByRole("link", { name: "Revenir au tableau de bord" }).count()).toBe(1);
    await screenshot(page, "11-403");
  });

  it("the Content-Security-Policy is enforced: an injected inline script does not run, and the journey notices", async () => {
    const { page, cspViolations } = browser;
    await page.context().clearCookies(); // signed out: /connexion sends signed-in people home
    await page.goto("/connexion");
    await page.getByRole("button", { name: "Se connecter" }).waitFor();
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 0));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    expect(cspViolations.join("\n")).toMatch(/script-src/);
    cspViolations.length = 0; // seen on purpose: the other tests of this file must not have any
  });

  it("a forgotten password: the link from the sign-in page, the same French answer whether the account exists or not", async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await page.goto("/connexion");
    await page.getByRole("link", { name: /Mot de passe oublié/ }).click();
    await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
    await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await page.getByText("Cette adresse e-mail n'est pas valide").waitFor();
    expect(await page.getByLabel("Adresse e-mail").inputValue()).toBe("pas-une-adresse");
    await page.getByLabel("Adresse e-mail").fill("personne.inconnue@pivot.demo");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    const answer = page.getByText(/Si un compte Pivot correspond à cette adresse/);
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/valable 60 minutes/);
    await screenshot(page, "12-mot-de-passe-oublie");
  });

  it("an unknown page gets a French 404 page", async () => {
    const response = await browser.page.goto("/page-qui-n-existe-pas");
    expect(response?.status()).toBe(404);
    expect(await browser.page.getByRole("heading", { level: 1 }).textContent()).toBe("Page introuvable");
  });

  it("the module page's HTML holds no correct-answer marker before submission", async () => {
    const { page } = browser;
    // Its own account: other test files take this quiz with other accounts at the same time.
    await page.context().clearCookies();
    await signIn(page, "tuteur@pivot.demo");
    await page.goto("/modules/identitovigilance");
    const start = page.getByRole("button", { name: /Commencer le quiz|Refaire le quiz/ });
    if (await start.count()) await start.click();
    await page.locator("[data-question-id]").first().waitFor();
    const response = await page.request.get("/modules/identitovigilance");
    const html = await response.text();
    expect(html).toContain("data-question-id");
    expect(html).not.toMatch(/"correct"\s*:/);
    expect(html).not.toMatch(/explanation|accepted|tolerance/);
    const bank = bankOf("identitovigilance");
    for (const q of bank.questions) expect(html).not.toContain(q.explanation.slice(0, 40));
    // Single-fetch data requests carry no answer either.
    const dataResponse = await page.request.get("/modules/identitovigilance.data");
    expect(await dataResponse.text()).not.toMatch(/explanation|"correct"/);
  });

  it("without JavaScript, the quiz still works and keeps the answers after an incomplete submission", async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const { page } = noJs;
      await signIn(page, "admin@pivot.demo");
      await page.goto("/modules/identitovigilance");
      await page.getByRole("button", { name: "Commencer le quiz" }).click();
      const first = page.locator("[data-question-id]").first();
      await first.waitFor();
      const input = first.locator("input[type=radio], input[type=checkbox], input[type=text], select").first();
      const tag = await input.evaluate((el) => el.tagName.toLowerCase() + ":" + ((el as HTMLInputElement).type ?? ""));
      if (tag.startsWith("select")) await input.selectOption({ index: 1 });
      else if (tag.endsWith("text")) await input.fill("12");
      else await input.check();
      await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
      await page.getByText("Certaines questions n'ont pas de réponse.").waitFor();
      const kept = page.locator("[data-question-id]").first().locator("input[type=radio], input[type=checkbox], input[type=text], select").first();
      if (tag.startsWith("select")) expect(await kept.inputValue()).not.toBe("");
      else if (tag.endsWith("text")) expect(await kept.inputValue()).toBe("12");
      else expect(await kept.isChecked()).toBe(true);
      expect((await page.getByText("Répondez à cette question.").count()) + (await page.getByText("Choisissez").count())).toBeGreaterThan(0);
      await screenshot(page, "12-sans-javascript");
    } finally {
      await noJs.close();
    }
  });

  /** On a step's form, types a comment with a social security number and submits it: it comes back, visible, as typed. */
  async function refusedStepComment(page: Page, button: RegExp, label: string) {
    const step = page
      .locator("[data-step]")
      .filter({ has: page.getByRole("button", { name: button }) })
      .first();
    const stepId = await step.getAttribute("data-step");
    await step.getByText("Ajouter un commentaire (facultatif)").click();
    const typed = "Vu au guichet le 2 85 12 75 123 456 38, à rappeler.";
    await step.getByLabel(label).fill(typed);
    await step.getByRole("button", { name: button }).click();
    await page.getByText("semble contenir un numéro de sécurité sociale").first().waitFor();
    const again = page.locator(`[data-step="${stepId}"]`);
    expect(await again.getByLabel(label).isVisible()).toBe(true);
    expect(await again.getByLabel(label).inputValue()).toBe(typed);
    expect(await again.getByText("semble contenir un numéro de sécurité sociale").isVisible()).toBe(true); // under the field too
  }

  it("without JavaScript, the recruit's refused step comment comes back visible, as she typed it", async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      await signIn(noJs.page, "nouvelle.recrue@pivot.demo");
      await noJs.page.goto("/parcours");
      await refusedStepComment(noJs.page, /^J'ai fait cette étape/, "Votre commentaire");
    } finally {
      await noJs.close();
    }
  });

  it("without JavaScript, the tutor's refused validation comment comes back visible, as she typed it", async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      await signIn(noJs.page, "tuteur@pivot.demo");
      await noJs.page.goto("/tutorat");
      await noJs.page.locator("[data-mentee]").first().getByRole("link").first().click();
      await noJs.page.getByRole("heading", { level: 1, name: /^Suivi de / }).waitFor();
      await refusedStepComment(noJs.page, /^Valider l'étape/, "Commentaire de validation");
    } finally {
      await noJs.close();
    }
  });
});
