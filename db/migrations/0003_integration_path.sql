CREATE TABLE `astonishment_reports` (
	`learner_id` text PRIMARY KEY NOT NULL,
	`surprises` text NOT NULL,
	`helped` text NOT NULL,
	`suggestions` text NOT NULL,
	`submitted_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `checkpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`tutor_id` text NOT NULL,
	`held_on` text NOT NULL,
	`notes` text NOT NULL,
	`actions` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tutor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `checkpoints_learner` ON `checkpoints` (`learner_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `competency_validations` (
	`id` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`competency_id` text NOT NULL,
	`level` text NOT NULL,
	`observed_on` text NOT NULL,
	`evidence` text NOT NULL,
	`validated_by` text NOT NULL,
	`corrects_id` text,
	`superseded_at` text,
	`learner_comment` text,
	`learner_comment_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`validated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `competency_validations_learner` ON `competency_validations` (`learner_id`,`competency_id`,`superseded_at`);--> statement-breakpoint
CREATE TABLE `integration_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`outcome` text NOT NULL,
	`summary` text NOT NULL,
	`next_steps` text NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `integration_reviews_learner` ON `integration_reviews` (`learner_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE TABLE `path_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`phase` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`link` text,
	`contact` text,
	`module_id` text,
	`fiche_id` text,
	`due_date` text NOT NULL,
	`requires_tutor` integer DEFAULT false NOT NULL,
	`done_at` text,
	`done_by` text,
	`done_comment` text,
	`validated_at` text,
	`validated_by` text,
	`validation_comment` text,
	`removed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`validated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `path_steps_user_key` ON `path_steps` (`user_id`,`key`);--> statement-breakpoint
CREATE INDEX `path_steps_user_due` ON `path_steps` (`user_id`,`due_date`);--> statement-breakpoint
CREATE TABLE `service_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`phase` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`link` text,
	`contact` text,
	`due_day` integer NOT NULL,
	`requires_tutor` integer DEFAULT false NOT NULL,
	`archived_at` text,
	`updated_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_steps_service` ON `service_steps` (`service_id`,`archived_at`);--> statement-breakpoint
ALTER TABLE `module_progress` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `services` ADD `specialty` text;--> statement-breakpoint
ALTER TABLE `services` ADD `description` text;