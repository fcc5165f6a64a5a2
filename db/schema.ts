// Pivot's database schema: the one place that says what is stored.
// Training data only, never patient data.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CERTIFICATE_KINDS, DONE_STATUSES, LEVELS, MODULE_STATUSES, POSITIONING_OUTCOMES, PROFILES, REVIEW_OUTCOMES, ROLES } from "../app/domain/vocabulary";
import type { ModuleStatus, PositioningOutcome, Profile, Role } from "../app/domain/vocabulary";

// The closed lists live in app/domain/vocabulary.ts; re-exported for the code that reads them with the tables.
export { CERTIFICATE_KINDS, DONE_STATUSES, LEVELS, MODULE_STATUSES, POSITIONING_OUTCOMES, PROFILES, REVIEW_OUTCOMES, ROLES };
export type { ModuleStatus, PositioningOutcome, Profile, Role };

/** A timestamp column filled by SQLite when the row is inserted. */
const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const createdAt = () => timestamp("created_at");

export const services = sqliteTable(
  "services",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    establishment: text("establishment").notNull(),
    /** The specialty id of the service's fiche réflexe (content/fiches), if any. */
    specialty: text("specialty"),
    /** Free text shown to newcomers: what the service does, where it is, its habits. */
    description: text("description"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("services_establishment_name").on(t.establishment, t.name), index("services_name").on(t.name, t.id)],
);

/**
 * Her path's progress as the team table sorts it (users.steps_*): done / total, -1 without a path. The
 * indexes users_by_progress* are on this very expression; queries must spell it the same way to use them.
 */
export const PATH_PROGRESS = sql`(case when steps_total = 0 then -1 else 1.0 * steps_done / steps_total end)`;

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
    /** Offboarding: she left; she cannot sign in and leaves the active lists, her history stays. */
    deactivatedAt: text("deactivated_at"),
    deactivatedBy: text("deactivated_by"),
    /** She asked for her account to be erased (right to erasure); an admin confirms. */
    erasureRequestedAt: text("erasure_requested_at"),
    /** The account was anonymised: name, email and free texts replaced; nothing identifies her any more. */
    erasedAt: text("erased_at"),
    createdAt: createdAt(),
    // Her path and activity in figures, kept up to date by SQLite triggers on path_steps, module_progress
    // and quiz_attempts (migration 0011), never written by the application: the team table filters,
    // sorts and shows them for a whole establishment without reading the path steps of everyone.
    /** Steps of her path (not removed). */
    stepsTotal: integer("steps_total").notNull().default(0),
    /** Steps done, and validated when they need a tutor. */
    stepsDone: integer("steps_done").notNull().default(0),
    /** Steps done that wait for the tutor's validation. */
    stepsAwaiting: integer("steps_awaiting").notNull().default(0),
    /** Open steps (not done, not validated, module not completed) due before `lateAsOf`. */
    stepsLate: integer("steps_late").notNull().default(0),
    /** The day `stepsLate` counts from ("" at first); moved forward when read (see lateOn in team-listing.server). */
    lateAsOf: text("late_as_of").notNull().default(""),
    /** The first due date, on or after `lateAsOf`, of an open step: past it, `stepsLate` is out of date. */
    nextDueOn: text("next_due_on"),
    /** Her latest activity: a step of her path done, a module opened or completed, a quiz submitted (null: none yet). */
    lastActiveAt: text("last_active_at"),
  },
  (t) => [
    uniqueIndex("users_email").on(t.email),
    // The team table counts its active learners on the narrowest index that holds the filter asked
    // (users_service, users_recruits for « sans tutrice », users_in_service for the path figures), then
    // reads them in the order asked from one of the users_by_* indexes (users_in_service for the service)
    // and stops at the page.
    index("users_service").on(t.serviceId, t.role, t.deactivatedAt, t.profile),
    index("users_recruits")
      .on(t.serviceId, t.id)
      .where(sql`role = 'learner' and profile = 'nouvelle_recrue' and deactivated_at is null`),
    index("users_in_service").on(t.serviceId, t.role, t.deactivatedAt, t.name, t.profile, t.stepsTotal, t.stepsDone, t.stepsLate, t.id),
    index("users_by_name").on(t.role, t.deactivatedAt, t.name, t.serviceId, t.profile, t.stepsTotal, t.stepsDone, t.stepsLate, t.id),
    index("users_by_hire").on(t.role, t.deactivatedAt, t.hireDate, t.name, t.serviceId),
    index("users_by_hire_desc").on(t.role, t.deactivatedAt, sql`${t.hireDate} desc`, t.name, t.serviceId),
    index("users_by_progress").on(t.role, t.deactivatedAt, PATH_PROGRESS, t.name, t.serviceId),
    index("users_by_progress_desc").on(t.role, t.deactivatedAt, sql`${PATH_PROGRESS} desc`, t.name, t.serviceId),
    index("users_by_late").on(t.role, t.deactivatedAt, t.stepsLate, t.name, t.serviceId),
    index("users_by_late_desc").on(t.role, t.deactivatedAt, sql`${t.stepsLate} desc`, t.name, t.serviceId),
    index("users_next_due").on(t.nextDueOn),
    index("users_late_as_of").on(t.lateAsOf),
    index("users_last_active").on(t.role, t.deactivatedAt, t.lastActiveAt, t.createdAt, t.serviceId, t.name),
    index("users_departed")
      .on(t.serviceId, t.deactivatedAt, t.erasedAt, t.name, t.role, t.id)
      .where(sql`deactivated_at is not null`),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Absolute end of the session, whatever the activity. */
    expiresAt: text("expires_at").notNull(),
    /** Last request seen (refreshed at most every few minutes): the idle timeout counts from it. */
    lastSeenAt: text("last_seen_at"),
    /** The browser's User-Agent at sign-in, to show her the device in « Mon compte ». */
    userAgent: text("user_agent"),
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
    /** Recorded as a failure before the password is checked, turned into a success afterwards. */
    success: integer("success", { mode: "boolean" }).notNull(),
    /** The client's address, for the per-address throttle (null for rows older than it). */
    address: text("address"),
    createdAt: createdAt(),
  },
  (t) => [index("login_attempts_email_time").on(t.email, t.createdAt), index("login_attempts_address_time").on(t.address, t.createdAt)],
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
    /** Last change (every write sets it). Nullable only because it was added after the first release. */
    updatedAt: text("updated_at"),
  },
  // module_progress_status: her completed modules from the index alone (team table, paths).
  (t) => [primaryKey({ columns: [t.userId, t.moduleId] }), index("module_progress_status").on(t.userId, t.status, t.moduleId)],
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

/** Steps a cadre adds to the integration path of her service (e.g. the service's livret d'accueil). */
export const serviceSteps = sqliteTable(
  "service_steps",
  {
    id: text("id").primaryKey(),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    phase: text("phase").notNull(),
    position: integer("position").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    link: text("link"),
    contact: text("contact"),
    dueDay: integer("due_day").notNull(),
    requiresTutor: integer("requires_tutor", { mode: "boolean" }).notNull().default(false),
    archivedAt: text("archived_at"),
    updatedBy: text("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [index("service_steps_service").on(t.serviceId, t.archivedAt)],
);

/**
 * A learner's own integration path: the template and service steps copied when her account is created,
 * so later edits never change a path silently. `key` is "template:<id>" or "service:<id>".
 */
export const pathSteps = sqliteTable(
  "path_steps",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    phase: text("phase").notNull(),
    position: integer("position").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    link: text("link"),
    contact: text("contact"),
    moduleId: text("module_id"),
    ficheId: text("fiche_id"),
    dueDate: text("due_date").notNull(),
    requiresTutor: integer("requires_tutor", { mode: "boolean" }).notNull().default(false),
    doneAt: text("done_at"),
    doneBy: text("done_by").references(() => users.id),
    doneComment: text("done_comment"),
    validatedAt: text("validated_at"),
    validatedBy: text("validated_by").references(() => users.id),
    validationComment: text("validation_comment"),
    removedAt: text("removed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("path_steps_user_key").on(t.userId, t.key),
    index("path_steps_user_due").on(t.userId, t.dueDate),
    // Open steps (a module step is also done when its module is): what can be late.
    index("path_steps_open")
      .on(t.userId, t.dueDate, t.kind, t.moduleId)
      .where(sql`removed_at is null and done_at is null and validated_at is null`),
  ],
);

/** Points d'étape recorded by a tutor; the mentee reads them. */
export const checkpoints = sqliteTable(
  "checkpoints",
  {
    id: text("id").primaryKey(),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tutorId: text("tutor_id")
      .notNull()
      .references(() => users.id),
    heldOn: text("held_on").notNull(),
    notes: text("notes").notNull(),
    actions: text("actions"),
    createdAt: createdAt(),
  },
  (t) => [index("checkpoints_learner").on(t.learnerId, t.heldOn)],
);

/**
 * Competencies a tutor observed on the job: the evidence the certifying pathway uses. A correction is
 * a new row pointing to the one it replaces (`correctsId`), which gets `supersededAt`: nothing is lost.
 */
export const competencyValidations = sqliteTable(
  "competency_validations",
  {
    id: text("id").primaryKey(),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    competencyId: text("competency_id").notNull(),
    level: text("level", { enum: LEVELS }).notNull(),
    observedOn: text("observed_on").notNull(),
    evidence: text("evidence").notNull(),
    validatedBy: text("validated_by")
      .notNull()
      .references(() => users.id),
    correctsId: text("corrects_id"),
    supersededAt: text("superseded_at"),
    learnerComment: text("learner_comment"),
    learnerCommentAt: text("learner_comment_at"),
    createdAt: createdAt(),
  },
  (t) => [index("competency_validations_learner").on(t.learnerId, t.competencyId, t.supersededAt)],
);

/** The rapport d'étonnement written by a new recruit at the end of her first month. */
export const astonishmentReports = sqliteTable("astonishment_reports", {
  learnerId: text("learner_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  surprises: text("surprises").notNull(),
  helped: text("helped").notNull(),
  suggestions: text("suggestions").notNull(),
  submittedAt: timestamp("submitted_at"),
  updatedAt: timestamp("updated_at"),
});

/** The bilan d'intégration recorded by the tutor or the cadre. */
export const integrationReviews = sqliteTable(
  "integration_reviews",
  {
    id: text("id").primaryKey(),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: REVIEW_OUTCOMES }).notNull(),
    summary: text("summary").notNull(),
    nextSteps: text("next_steps").notNull(),
    recordedBy: text("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("integration_reviews_learner").on(t.learnerId)],
);

/** One-time links to choose a password; only a hash of the token is stored. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invitations_token").on(t.tokenHash)],
);

/** Single-use links to choose a new password, sent to the account's own address (only the hash is kept). */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_resets_token").on(t.tokenHash), index("password_resets_user").on(t.userId)],
);

/** Fixed-window counters shared by every instance of the site (rate limits). */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    resetAt: text("reset_at").notNull(),
  },
  (t) => [index("rate_limits_reset").on(t.resetAt)],
);

/**
 * Messages to send. With SMTP_URL set, app/models/mail.server.ts drains this table (claim, send, retry with
 * backoff); without it they wait here. A message with sent_at is never sent again.
 */
export const outbox = sqliteTable("outbox", {
  id: text("id").primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  createdAt: createdAt(),
  sentAt: text("sent_at"),
  /** Failed sending attempts so far. */
  attempts: integer("attempts").notNull().default(0),
  /** Not before this time (null: as soon as possible; '9999-12-31': given up after too many failures). */
  nextAttemptAt: text("next_attempt_at"),
  /** The last failure, for whoever looks into the table (never shown to users). */
  lastError: text("last_error"),
  /** Set while a process sends the message; a claim older than a few minutes is considered abandoned. */
  claimedAt: text("claimed_at"),
});

/**
 * Certificates of the certifying pathway. One per learner, kind, block and level (the unique index makes
 * issuance happen exactly once, even when two requests trigger it together). Names and titles are
 * snapshots: a certificate says what was certified when it was issued.
 */
export const certificates = sqliteTable(
  "certificates",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CERTIFICATE_KINDS }).notNull(),
    /** The block id, the complement id, or "" for the whole pathway (not null, so that the unique index holds). */
    blockId: text("block_id").notNull().default(""),
    level: text("level", { enum: LEVELS }).notNull(),
    code: text("code").notNull(),
    holderName: text("holder_name").notNull(),
    title: text("title").notNull(),
    issuedAt: text("issued_at").notNull(),
    validUntil: text("valid_until").notNull(),
    evidence: text("evidence", { mode: "json" }).notNull(),
    /** 0 for the first certificate, then one more at each renewal: the chain keeps every certificate. */
    cycle: integer("cycle").notNull().default(0),
    /** The certificate this one renews. */
    renewsId: text("renews_id"),
    /** Set on a certificate when a renewal replaces it. */
    renewedAt: text("renewed_at"),
    revokedAt: text("revoked_at"),
    revokedReason: text("revoked_reason"),
    revokedBy: text("revoked_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("certificates_once").on(t.userId, t.kind, t.blockId, t.level, t.cycle),
    uniqueIndex("certificates_code").on(t.code),
    index("certificates_valid_until").on(t.validUntil),
  ],
);

/** Spaced-review cards of a learner (glossary terms, quiz questions she got wrong), scheduled with FSRS. */
export const reviewCards = sqliteTable(
  "review_cards",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "terme:<glossary id>" or "question:<question id>". */
    cardKey: text("card_key").notNull(),
    /** The FSRS card (ts-fsrs), dates as ISO strings. */
    fsrs: text("fsrs", { mode: "json" }).notNull(),
    due: text("due").notNull(),
    reps: integer("reps").notNull().default(0),
    lapses: integer("lapses").notNull().default(0),
    lastReviewedAt: text("last_reviewed_at"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.cardKey] }), index("review_cards_due").on(t.userId, t.due)],
);

/**
 * Outcomes of positioning tests (test de positionnement): one row per competency of the block and attempt.
 * A mastered competency is "validée par test", with the attempt and its score as evidence.
 */
export const positioningResults = sqliteTable(
  "positioning_results",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockId: text("block_id").notNull(),
    attemptId: text("attempt_id")
      .notNull()
      .references(() => quizAttempts.id, { onDelete: "cascade" }),
    competencyId: text("competency_id").notNull(),
    correct: integer("correct").notNull(),
    total: integer("total").notNull(),
    outcome: text("outcome", { enum: POSITIONING_OUTCOMES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("positioning_results_attempt").on(t.attemptId, t.competencyId), index("positioning_results_user").on(t.userId, t.blockId, t.createdAt)],
);

/**
 * The audit log: who did what, when, to whom, from where. Append-only: database triggers refuse any
 * change and any deletion of an entry younger than a year (migration 0010); nothing on the site edits it.
 * `action` is one of AUDIT_ACTIONS (app/domain/audit.ts); `details` never holds a password or a token.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: timestamp("at"),
    action: text("action").notNull(),
    /** Who acted (null: the platform itself, or someone not signed in). */
    actorId: text("actor_id"),
    /** Whom the action is about. */
    subjectId: text("subject_id"),
    /** The client's address (from the socket or the trusted proxy). */
    address: text("address"),
    details: text("details", { mode: "json" }).$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index("audit_log_at").on(t.at),
    index("audit_log_action").on(t.action, t.at),
    index("audit_log_subject").on(t.subjectId, t.at),
    index("audit_log_actor").on(t.actorId, t.at),
  ],
);
