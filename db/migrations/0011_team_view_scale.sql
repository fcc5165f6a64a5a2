DROP INDEX `users_service`;--> statement-breakpoint
ALTER TABLE `users` ADD `steps_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `steps_done` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `steps_awaiting` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `steps_late` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `late_as_of` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `next_due_on` text;--> statement-breakpoint
ALTER TABLE `users` ADD `last_active_at` text;--> statement-breakpoint
CREATE INDEX `users_recruits` ON `users` (`service_id`,`id`) WHERE role = 'learner' and profile = 'nouvelle_recrue' and deactivated_at is null;--> statement-breakpoint
CREATE INDEX `users_in_service` ON `users` (`service_id`,`role`,`deactivated_at`,`name`,`profile`,`steps_total`,`steps_done`,`steps_late`,`id`);--> statement-breakpoint
CREATE INDEX `users_by_name` ON `users` (`role`,`deactivated_at`,`name`,`service_id`,`profile`,`steps_total`,`steps_done`,`steps_late`,`id`);--> statement-breakpoint
CREATE INDEX `users_by_hire` ON `users` (`role`,`deactivated_at`,`hire_date`,`name`,`service_id`);--> statement-breakpoint
CREATE INDEX `users_by_hire_desc` ON `users` (`role`,`deactivated_at`,"hire_date" desc,`name`,`service_id`);--> statement-breakpoint
CREATE INDEX `users_by_progress` ON `users` (`role`,`deactivated_at`,(case when steps_total = 0 then -1 else 1.0 * steps_done / steps_total end),`name`,`service_id`);--> statement-breakpoint
CREATE INDEX `users_by_progress_desc` ON `users` (`role`,`deactivated_at`,(case when steps_total = 0 then -1 else 1.0 * steps_done / steps_total end) desc,`name`,`service_id`);--> statement-breakpoint
CREATE INDEX `users_by_late` ON `users` (`role`,`deactivated_at`,`steps_late`,`name`,`service_id`);--> statement-breakpoint
CREATE INDEX `users_by_late_desc` ON `users` (`role`,`deactivated_at`,"steps_late" desc,`name`,`service_id`);--> statement-breakpoint
CREATE INDEX `users_next_due` ON `users` (`next_due_on`);--> statement-breakpoint
CREATE INDEX `users_late_as_of` ON `users` (`late_as_of`);--> statement-breakpoint
CREATE INDEX `users_last_active` ON `users` (`role`,`deactivated_at`,`last_active_at`,`created_at`,`service_id`,`name`);--> statement-breakpoint
CREATE INDEX `users_departed` ON `users` (`service_id`,`deactivated_at`,`erased_at`,`name`,`role`,`id`) WHERE deactivated_at is not null;--> statement-breakpoint
CREATE INDEX `users_service` ON `users` (`service_id`,`role`,`deactivated_at`,`profile`);--> statement-breakpoint
CREATE INDEX `certificates_valid_until` ON `certificates` (`valid_until`);--> statement-breakpoint
CREATE INDEX `module_progress_status` ON `module_progress` (`user_id`,`status`,`module_id`);--> statement-breakpoint
CREATE INDEX `path_steps_open` ON `path_steps` (`user_id`,`due_date`,`kind`,`module_id`) WHERE removed_at is null and done_at is null and validated_at is null;--> statement-breakpoint
CREATE INDEX `services_name` ON `services` (`name`,`id`);--> statement-breakpoint
-- Each person's figures (users.steps_total … last_active_at) follow her path steps, module progress and
-- quizzes through the triggers below; each recomputes them for the person concerned only. "Done" is what
-- the team table means: a step done or validated, or a module step whose module is completed ('acquis' or
-- 'termine': DONE_STATUSES in db/schema.ts); a step that needs a tutor counts once validated. Late counts
-- open steps due before late_as_of (moved forward when read: lateOn in app/models/team.server.ts).
-- Activity: a step of her path done, a module opened or completed, a quiz submitted.
UPDATE `users` SET `steps_total` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL),
  `steps_done` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND (ps.validated_at IS NOT NULL OR (ps.requires_tutor = 0 AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))))),
  `steps_awaiting` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.requires_tutor = 1 AND ps.validated_at IS NULL AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))),
  `steps_late` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date < users.late_as_of),
  `next_due_on` = (SELECT min(ps.due_date) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date >= users.late_as_of),
  `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE 1;
--> statement-breakpoint
CREATE TRIGGER `users_figures_new` AFTER INSERT ON `users` BEGIN
UPDATE `users` SET `steps_total` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL),
  `steps_done` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND (ps.validated_at IS NOT NULL OR (ps.requires_tutor = 0 AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))))),
  `steps_awaiting` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.requires_tutor = 1 AND ps.validated_at IS NULL AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))),
  `steps_late` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date < users.late_as_of),
  `next_due_on` = (SELECT min(ps.due_date) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date >= users.late_as_of),
  `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `path_steps_figures_insert` AFTER INSERT ON `path_steps` BEGIN
UPDATE `users` SET `steps_total` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL),
  `steps_done` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND (ps.validated_at IS NOT NULL OR (ps.requires_tutor = 0 AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))))),
  `steps_awaiting` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.requires_tutor = 1 AND ps.validated_at IS NULL AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))),
  `steps_late` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date < users.late_as_of),
  `next_due_on` = (SELECT min(ps.due_date) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date >= users.late_as_of),
  `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE id = NEW.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `path_steps_figures_update` AFTER UPDATE OF `user_id`, `kind`, `module_id`, `due_date`, `requires_tutor`, `done_at`, `validated_at`, `removed_at` ON `path_steps` BEGIN
UPDATE `users` SET `steps_total` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL),
  `steps_done` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND (ps.validated_at IS NOT NULL OR (ps.requires_tutor = 0 AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))))),
  `steps_awaiting` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.requires_tutor = 1 AND ps.validated_at IS NULL AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))),
  `steps_late` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date < users.late_as_of),
  `next_due_on` = (SELECT min(ps.due_date) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date >= users.late_as_of),
  `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE id IN (OLD.user_id, NEW.user_id);
END;
--> statement-breakpoint
CREATE TRIGGER `path_steps_figures_delete` AFTER DELETE ON `path_steps` BEGIN
UPDATE `users` SET `steps_total` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL),
  `steps_done` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND (ps.validated_at IS NOT NULL OR (ps.requires_tutor = 0 AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))))),
  `steps_awaiting` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.requires_tutor = 1 AND ps.validated_at IS NULL AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))),
  `steps_late` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date < users.late_as_of),
  `next_due_on` = (SELECT min(ps.due_date) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date >= users.late_as_of),
  `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE id = OLD.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `module_progress_figures_insert` AFTER INSERT ON `module_progress` BEGIN
UPDATE `users` SET `steps_total` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL),
  `steps_done` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND (ps.validated_at IS NOT NULL OR (ps.requires_tutor = 0 AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))))),
  `steps_awaiting` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.requires_tutor = 1 AND ps.validated_at IS NULL AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))),
  `steps_late` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date < users.late_as_of),
  `next_due_on` = (SELECT min(ps.due_date) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date >= users.late_as_of),
  `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE id = NEW.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `module_progress_figures_update` AFTER UPDATE OF `user_id`, `module_id`, `status`, `updated_at` ON `module_progress` BEGIN
UPDATE `users` SET `steps_total` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL),
  `steps_done` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND (ps.validated_at IS NOT NULL OR (ps.requires_tutor = 0 AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))))),
  `steps_awaiting` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.requires_tutor = 1 AND ps.validated_at IS NULL AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))),
  `steps_late` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date < users.late_as_of),
  `next_due_on` = (SELECT min(ps.due_date) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date >= users.late_as_of),
  `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE id IN (OLD.user_id, NEW.user_id);
END;
--> statement-breakpoint
CREATE TRIGGER `module_progress_figures_delete` AFTER DELETE ON `module_progress` BEGIN
UPDATE `users` SET `steps_total` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL),
  `steps_done` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND (ps.validated_at IS NOT NULL OR (ps.requires_tutor = 0 AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))))),
  `steps_awaiting` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.requires_tutor = 1 AND ps.validated_at IS NULL AND (ps.done_at IS NOT NULL OR (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))))),
  `steps_late` = (SELECT count(*) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date < users.late_as_of),
  `next_due_on` = (SELECT min(ps.due_date) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL AND ps.done_at IS NULL AND ps.validated_at IS NULL AND NOT (ps.kind = 'module' AND EXISTS (SELECT 1 FROM module_progress mp WHERE mp.user_id = ps.user_id AND mp.module_id = ps.module_id AND mp.status IN ('acquis', 'termine'))) AND ps.due_date >= users.late_as_of),
  `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE id = OLD.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_figures_insert` AFTER INSERT ON `quiz_attempts` BEGIN
UPDATE `users` SET `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE id = NEW.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_figures_update` AFTER UPDATE OF `user_id`, `submitted_at` ON `quiz_attempts` BEGIN
UPDATE `users` SET `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE id IN (OLD.user_id, NEW.user_id);
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_figures_delete` AFTER DELETE ON `quiz_attempts` BEGIN
UPDATE `users` SET `last_active_at` = nullif(max(coalesce((SELECT max(ps.done_at) FROM path_steps ps WHERE ps.user_id = users.id AND ps.removed_at IS NULL), ''),
    coalesce((SELECT max(mp.updated_at) FROM module_progress mp WHERE mp.user_id = users.id), ''), coalesce((SELECT max(qa.submitted_at) FROM quiz_attempts qa WHERE qa.user_id = users.id), '')), '')
  WHERE id = OLD.user_id;
END;
