// A tutor's mentees at a glance, most urgent first: what waits for her validation, what is late.
// Used by « Tutorat » and by the tutor's home. Two queries for all mentees.
import { listModules } from "~/content/modules.server";
import { awaitingValidation, summarizePath } from "~/domain/integration-path";
import { summarize } from "~/domain/progress";
import { profileLabel } from "~/domain/vocabulary";
import { getPaths } from "./path.server";
import { listProgressOf } from "./progress.server";
import { listMentees } from "./tutoring.server";

export async function menteesOverview({ tutorId, today }: { tutorId: string; today: string }) {
  const mentees = await listMentees(tutorId);
  const ids = mentees.map((m) => m.id);
  const [rows, paths] = await Promise.all([listProgressOf(ids), getPaths(ids)]);
  const modules = listModules();
  const moduleIds = modules.map((m) => m.frontmatter.id);
  const titles = new Map(modules.map((m) => [m.frontmatter.id, m.frontmatter.title]));
  const list = mentees.map((m) => {
    const own = rows.filter((r) => r.userId === m.id);
    const steps = paths.get(m.id) ?? [];
    const waiting = awaitingValidation(steps);
    const lastActivity = [...own.map((r) => r.updatedAt), ...steps.map((s) => s.doneAt ?? "")].filter(Boolean).sort().pop() ?? null;
    return {
      id: m.id,
      name: m.name,
      service: m.service,
      profile: m.profile ? profileLabel(m.profile) : null,
      hireDate: m.hireDate,
      path: summarizePath(steps, today),
      waiting: waiting.map((s) => ({ id: s.id, title: s.title, dueDate: s.dueDate })),
      late: steps
        .filter((s) => !s.doneAt && !s.validatedAt && !(s.kind === "module" && s.moduleCompleted) && s.dueDate < today)
        .map((s) => ({ id: s.id, title: s.title, dueDate: s.dueDate })),
      summary: summarize(moduleIds, own),
      modules: own.map((r) => ({ id: r.moduleId, title: titles.get(r.moduleId) ?? r.moduleId, status: r.status, bestScore: r.bestScore })),
      lastActivity,
    };
  });
  // Most urgent first: what awaits her validation, then what is late.
  return list.sort((a, b) => b.waiting.length - a.waiting.length || b.late.length - a.late.length || a.name.localeCompare(b.name, "fr"));
}
