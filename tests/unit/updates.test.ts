// Content updates: only a new major version asks a learner to refresh a module she completed.
import { describe, expect, it } from "vitest";
import { changesSince, needsUpdate } from "~/domain/updates";

describe("content updates", () => {
  it.each([
    ["1.0.0", "1.0.0", false],
    ["1.0.0", "1.2.3", false],
    ["1.4.0", "2.0.0", true],
    ["1.9.9", "3.0.0", true],
    ["2.0.0", "1.0.0", false],
  ])("completed %s, now %s: update %s", (done, now, expected) => {
    expect(needsUpdate(done, now)).toBe(expected);
  });

  it("lists the changes newer than the completed version, newest first", () => {
    const log = [
      { version: "1.0.0", changes: "Première version." },
      { version: "1.1.0", changes: "Coquilles." },
      { version: "2.0.0", changes: "Nouveau décret." },
      { version: "1.10.0", changes: "Exemple ajouté." },
    ];
    expect(changesSince(log, "1.1.0").map((c) => c.version)).toEqual(["2.0.0", "1.10.0"]);
  });
});
