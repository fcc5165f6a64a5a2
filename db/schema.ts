// Pivot's database schema: the one place that says what is stored.
// Training data only, never patient data.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const ROLES = ["learner", "tutor", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PROFILES = ["nouvelle_recrue", "confirmee"] as const;
export type Profile = (typeof PROFILES)[number];

export const services = sqliteTable(
  "services",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    establishment: text("establishment").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("services_establishment_name").on(t.establishment, t.name)],
);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    profile: text("profile", { enum: PROFILES }),
    establishment: text("establishment").notNull(),
    serviceId: text("service_id").references(() => services.id),
    hireDate: text("hire_date"), // ISO date YYYY-MM-DD
    passwordHash: text("password_hash"), // null until an invitation is accepted
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email").on(t.email), index("users_service").on(t.serviceId, t.role)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Every sign-in attempt, to lock an email out after repeated failures. */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    success: integer("success", { mode: "boolean" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("login_attempts_email_time").on(t.email, t.createdAt)],
);

/** A cadre manages one or more services. */
export const serviceManagers = sqliteTable(
  "service_managers",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.serviceId] }), index("service_managers_service").on(t.serviceId)],
);

/** Tutor ↔ learner assignments; an assignment ends rather than disappears, so history is kept. */
export const tutorAssignments = sqliteTable(
  "tutor_assignments",
  {
    id: text("id").primaryKey(),
    tutorId: text("tutor_id")
      .notNull()
      .references(() => users.id),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id),
    assignedBy: text("assigned_by").references(() => users.id),
    startedAt: createdAt(),
    endedAt: text("ended_at"),
  },
  (t) => [index("tutor_assignments_tutor").on(t.tutorId, t.endedAt), index("tutor_assignments_learner").on(t.learnerId, t.endedAt)],
);

export const MODULE_STATUSES = ["en_cours", "lu", "termine"] as const;
export type ModuleStatus = (typeof MODULE_STATUSES)[number];

export const moduleProgress = sqliteTable(
  "module_progress",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    moduleVersion: text("module_version").notNull(),
    status: text("status", { enum: MODULE_STATUSES }).notNull(),
    bestScore: integer("best_score"),
    attemptsCount: integer("attempts_count").notNull().default(0),
    startedAt: createdAt(),
    readAt: text("read_at"),
    completedAt: text("completed_at"),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId] })],
);

/**
 * A quiz attempt. `questions` keeps the exact draw shown (question ids and the presented order
 * of options), `answers` what was given, so an attempt can be replayed and audited.
 */
export const quizAttempts = sqliteTable(
  "quiz_attempts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    moduleVersion: text("module_version").notNull(),
    questions: text("questions", { mode: "json" }).notNull(),
    /** The questions exactly as presented (texts and order), kept even if the content changes later. */
    shown: text("shown", { mode: "json" }),
    answers: text("answers", { mode: "json" }),
    results: text("results", { mode: "json" }),
    score: integer("score"),
    correctCount: integer("correct_count"),
    total: integer("total").notNull(),
    passMark: integer("pass_mark").notNull(),
    passed: integer("passed", { mode: "boolean" }),
    startedAt: createdAt(),
    submittedAt: text("submitted_at"),
    durationSeconds: integer("duration_seconds"),
  },
  (t) => [index("quiz_attempts_user_module").on(t.userId, t.moduleId, t.submittedAt)],
);

/** Fiches réflexes a user pinned to her dashboard ("mes fiches"). */
export const pinnedFiches = sqliteTable(
  "pinned_fiches",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ficheId: text("fiche_id").notNull(),
    pinnedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ficheId] })],
);
