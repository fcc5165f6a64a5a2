// The glossary one letter at a time: the index with its counts, a letter's page, the search across
// letters, and links from elsewhere (with or without the letter) that land on the entry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "../helpers/browser";

describe("the glossary, one letter at a time", () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1366, height: 900 } });
    await signIn(browser.page, "nouvelle.recrue@pivot.demo");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens on A: the index has a link and a count per letter, none for a letter without terms", async () => {
    const { page } = browser;
    const response = await page.goto("/glossaire");
    const html = (await response!.text()).length;
    expect(html).toBeLessThan(120_000); // the whole glossary made 280 KB
    const index = page.getByRole("navigation", { name: "Lettres de l'alphabet" });
    const a = index.getByRole("link", { name: /^A \d+ termes$/ });
    expect(await a.getAttribute("aria-current")).toBe("page");
    expect(await index.getByRole("link", { name: /^O \d+ termes$/ }).count()).toBe(1);
    expect(await index.getByRole("link", { name: /^W\b/ }).count()).toBe(0);
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual(["A"]);
    expect(await page.locator("#oesophage").count()).toBe(0);
    expect(await page.title()).toBe("Glossaire — lettre A — Pivot");
  });

  it("a letter of the index opens its page; Œ files under O", async () => {
    const { page } = browser;
    await page.getByRole("navigation", { name: "Lettres de l'alphabet" }).getByRole("link", { name: /^O \d+ termes$/ }).click();
    await page.waitForURL((url) => url.searchParams.get("lettre") === "O");
    await page.locator("#oesophage").waitFor();
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual(["O"]);
    await screenshot(page, "50-glossaire-lettre-o-1366");
  });

  it("the search box looks through every letter, and a letter narrows the results", async () => {
    const { page, consoleErrors } = browser;
    await page.getByLabel("Rechercher un terme").fill("coeur");
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "coeur" && !url.searchParams.has("lettre"));
    const status = page.getByRole("status").filter({ hasText: "correspond" });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/termes correspondent à « coeur »/);
    const letters = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(letters.length).toBeGreaterThan(1);
    await screenshot(page, "51-glossaire-recherche-1366");
    const second = letters[1]!;
    await page.getByRole("navigation", { name: "Lettres de l'alphabet" }).getByRole("link", { name: new RegExp(`^${second} \\d+ termes?$`) }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "coeur" && url.searchParams.get("lettre") === second);
    await expect.poll(() => page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([second]);
    await page.getByRole("link", { name: "Voir les résultats de toutes les lettres" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "coeur" && !url.searchParams.has("lettre"));
    expect(consoleErrors).toEqual([]);
  });

  it("a fiche's vocabulary links to the entry on its letter's page", async () => {
    const { page } = browser;
    await page.goto("/fiches-reflexes/gastro-enterologie");
    // The vocabulary list (a <Terme> with the same link in the text opens its definition instead).
    const link = page.locator('section[aria-labelledby="vocabulaire-titre"] a[href="/glossaire?lettre=O#oesophage"]');
    await link.click();
    await page.waitForURL((url) => url.searchParams.get("lettre") === "O" && url.hash === "#oesophage");
    await page.locator("#oesophage").waitFor();
  });

  it("an old link without the letter (/glossaire#oesophage) still reaches the entry", async () => {
    const { page, consoleErrors } = browser;
    await page.goto("/glossaire#oesophage");
    await page.waitForURL((url) => url.searchParams.get("lettre") === "O" && url.hash === "#oesophage");
    await page.locator("#oesophage").waitFor();
    expect(consoleErrors).toEqual([]);
  });
});

describe("the glossary without JavaScript", () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch({ javaScriptEnabled: false });
    await signIn(browser.page, "nouvelle.recrue@pivot.demo");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("letters, search and ?terme= work as plain links and forms", async () => {
    const { page } = browser;
    await page.goto("/glossaire?terme=oesophage");
    expect(new URL(page.url()).search).toBe("?lettre=O");
    await page.locator("#oesophage").waitFor();
    await page.getByLabel("Rechercher un terme").fill("oesophage");
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "oesophage");
    await page.locator("#oesophage").waitFor();
    expect(await page.getByRole("status").textContent()).toMatch(/termes? correspond(ent)? à « oesophage »/);
  });
});
