import { z } from 'zod';

/**
 * The export document exactly as docs/INTERFACES.md ("Export JSON") writes it down: strict objects,
 * so an extra or renamed field fails a test.
 */
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const instant = z.iso.datetime();

export const exportDocumentSchema = z.strictObject({
  exportedAt: instant,
  checkinContent: z.enum(['included', 'left-out']),
  placements: z.array(
    z.strictObject({
      student: z.strictObject({ email: z.string().email(), name: z.string() }),
      mentors: z.array(z.strictObject({ email: z.string().email() })),
      cohort: z.string(),
      status: z.enum(['active', 'paused', 'insufficient', 'completed', 'ended']),
      startDate: localDate,
      endDate: localDate,
      missCount: z.number().int().min(0),
      reports: z.array(
        z.strictObject({
          kind: z.enum(['monthly', 'intro', 'midterm']),
          dueDate: localDate,
          status: z.enum(['pending', 'submitted', 'late', 'missed', 'excused']),
          submittedAt: instant.nullable(),
          starr: z
            .strictObject({
              goal: z.string(),
              situation: z.string(),
              task: z.string(),
              action: z.string(),
              result: z.string(),
              reflection: z.string(),
            })
            .nullable(),
        }),
      ),
      substituteAssignments: z.array(
        z.strictObject({
          dueDate: localDate,
          status: z.enum(['open', 'done', 'overdue']),
          text: z.string().nullable(),
          work: z.string().nullable(),
          handedInAt: instant.nullable(),
          assessment: z.enum(['accepted', 'returned']).nullable(),
        }),
      ),
      checkins: z.array(
        z.strictObject({
          week: z.string().regex(/^\d{4}-W\d{2}$/),
          // Unanswered weeks have no mood.
          mood: z.number().int().min(1).max(5).nullable(),
          answeredAt: instant.nullable(),
          learned: z.string().nullable(),
          wantsTalk: z.boolean().nullable(),
          topic: z.string().nullable(),
          mentorTalk: z.enum(['yes', 'no', 'moved']).nullable(),
          mentorNote: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export type ExportDocumentShape = z.infer<typeof exportDocumentSchema>;
