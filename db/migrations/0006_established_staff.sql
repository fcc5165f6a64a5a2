CREATE TABLE `positioning_results` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`block_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`competency_id` text NOT NULL,
	`correct` integer NOT NULL,
	`total` integer NOT NULL,
	`outcome` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `quiz_attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `positioning_results_attempt` ON `positioning_results` (`attempt_id`,`competency_id`);--> statement-breakpoint
CREATE INDEX `positioning_results_user` ON `positioning_results` (`user_id`,`block_id`,`created_at`);--> statement-breakpoint
DROP INDEX `certificates_once`;--> statement-breakpoint
ALTER TABLE `certificates` ADD `cycle` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `certificates` ADD `renews_id` text;--> statement-breakpoint
ALTER TABLE `certificates` ADD `renewed_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_once` ON `certificates` (`user_id`,`kind`,`block_id`,`level`,`cycle`);