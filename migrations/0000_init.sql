CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"placement_id" text NOT NULL,
	"week" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"mood_enc" text,
	"learned_enc" text,
	"wants_talk" boolean,
	"topic_enc" text,
	"mentor_talk" text,
	"mentor_note_enc" text,
	"mentor_answered_at" timestamp with time zone,
	CONSTRAINT "checkins_placement_id_week_pk" PRIMARY KEY("placement_id","week")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"settings" jsonb NOT NULL,
	"digest_channel" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cohorts_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "conversation_refs" (
	"platform" text NOT NULL,
	"key" text NOT NULL,
	"tenant" text NOT NULL,
	"email" text,
	"ref" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conversation_refs_platform_key_pk" PRIMARY KEY("platform","key")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"person_id" text NOT NULL,
	"kind" text NOT NULL,
	"state_enc" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conversations_person_id_kind_pk" PRIMARY KEY("person_id","kind")
);
--> statement-breakpoint
CREATE TABLE "coordinators" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"cohort_id" text
);
--> statement-breakpoint
CREATE TABLE "delivery_problems" (
	"key" text PRIMARY KEY NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identities" (
	"person_id" text NOT NULL,
	"platform" text NOT NULL,
	"tenant" text NOT NULL,
	"platform_user_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identities_platform_tenant_platform_user_id_pk" PRIMARY KEY("platform","tenant","platform_user_id")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"recipient" jsonb NOT NULL,
	"subject_id" text,
	"payload_enc" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone,
	"claimed_by" text,
	"conversation_key" text,
	"platform_message_id" text,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "pauses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"locale" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "people_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "placement_mentors" (
	"placement_id" text NOT NULL,
	"person_id" text NOT NULL,
	CONSTRAINT "placement_mentors_placement_id_person_id_pk" PRIMARY KEY("placement_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" text PRIMARY KEY NOT NULL,
	"student_id" text NOT NULL,
	"cohort_id" text NOT NULL,
	"organisation" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"working_days" jsonb,
	"intro_date" date,
	"mid_evaluation_date" date,
	"final_evaluation_date" date,
	"status" text DEFAULT 'active' NOT NULL,
	"ladder_reset_at" timestamp with time zone,
	"substitute_text" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"content_enc" text,
	"needed_nudges" boolean,
	"excused" boolean DEFAULT false NOT NULL,
	"excuse_reason" text,
	"feedback_enc" text,
	"feedback_verdict" text,
	"feedback_by" text,
	"feedback_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scheduler_runs" (
	"job" text NOT NULL,
	"fire_time" timestamp with time zone NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" text,
	CONSTRAINT "scheduler_runs_job_fire_time_pk" PRIMARY KEY("job","fire_time")
);
--> statement-breakpoint
CREATE TABLE "seen_inbound" (
	"dedupe_key" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "substitutes" (
	"key" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"text" text,
	"done_at" timestamp with time zone,
	"done_by" text,
	"content_enc" text
);
--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinators" ADD CONSTRAINT "coordinators_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinators" ADD CONSTRAINT "coordinators_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pauses" ADD CONSTRAINT "pauses_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_mentors" ADD CONSTRAINT "placement_mentors_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_mentors" ADD CONSTRAINT "placement_mentors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_feedback_by_people_id_fk" FOREIGN KEY ("feedback_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitutes" ADD CONSTRAINT "substitutes_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_subject" ON "audit_log" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "conversation_refs_email" ON "conversation_refs" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "coordinators_person_cohort" ON "coordinators" USING btree ("person_id","cohort_id");--> statement-breakpoint
CREATE INDEX "identities_person" ON "identities" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "placement_mentors_person" ON "placement_mentors" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "placements_student" ON "placements" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "placements_cohort" ON "placements" USING btree ("cohort_id");--> statement-breakpoint
CREATE INDEX "reports_placement" ON "reports" USING btree ("placement_id");