CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`block_id` text DEFAULT '' NOT NULL,
	`level` text NOT NULL,
	`code` text NOT NULL,
	`holder_name` text NOT NULL,
	`title` text NOT NULL,
	`issued_at` text NOT NULL,
	`valid_until` text NOT NULL,
	`evidence` text NOT NULL,
	`revoked_at` text,
	`revoked_reason` text,
	`revoked_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_once` ON `certificates` (`user_id`,`kind`,`block_id`,`level`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_code` ON `certificates` (`code`);