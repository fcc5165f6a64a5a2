// A real Chromium with a fresh profile, driven by playwright-core.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed";

export const baseURL = () => inject("baseURL");

export async function launch(options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "pivot-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: inject("chromium"),
    headless: true,
    baseURL: baseURL(),
    locale: "fr-FR",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, consoleErrors, close };
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
