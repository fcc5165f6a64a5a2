CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`action` text NOT NULL,
	`actor_id` text,
	`subject_id` text,
	`address` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_subject` ON `audit_log` (`subject_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
ALTER TABLE `users` ADD `deactivated_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `deactivated_by` text;--> statement-breakpoint
ALTER TABLE `users` ADD `erasure_requested_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `erased_at` text;--> statement-breakpoint
-- The audit log is append-only: no entry is ever changed, and none is deleted before it is a year old.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit log entries cannot be changed'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_keep_a_year` BEFORE DELETE ON `audit_log` WHEN old.`at` > strftime('%Y-%m-%dT%H:%M:%fZ','now','-365 days') BEGIN SELECT RAISE(ABORT, 'audit log entries are kept a year'); END;
