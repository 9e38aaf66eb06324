ALTER TABLE "placements" ADD COLUMN "closing_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "substitutes" ADD COLUMN "review_status" text;--> statement-breakpoint
ALTER TABLE "substitutes" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "substitutes" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "substitutes" ADD COLUMN "review_note_enc" text;