// A real Chromium with a fresh profile, driven by playwright-core.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed";

export const baseURL = () => inject("baseURL");

/** `baseURL`: another instance of the site than the suite's (a test that starts its own, with its own settings). */
export async function launch(options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number }; baseURL?: string; touch?: boolean } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "pivot-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: inject("chromium"),
    headless: true,
    baseURL: options.baseURL ?? baseURL(),
    locale: "fr-FR",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  // Every page of every journey runs under the site's Content-Security-Policy: a violation fails the test file.
  const cspViolations: string[] = [];
  await context.exposeBinding("__pivotCspViolation", ({ page: from }, detail: string) => cspViolations.push(`${from.url()}: ${detail}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      void (window as unknown as { __pivotCspViolation: (d: string) => void }).__pivotCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(`${page.url()}: ${msg.text()}`);
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    if (cspViolations.length) throw new Error(`Violations de la politique de sécurité du contenu (CSP) :\n${cspViolations.join("\n")}`);
  };
  return { context, page, consoleErrors, cspViolations, close };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => url.pathname !== "/connexion");
}

export async function screenshot(page: Page, name: string) {
  const dir = path.join(process.cwd(), "tests", ".tmp", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
