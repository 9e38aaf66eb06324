/** Public API of the weekly check-in (pure core). */
export {
  type CheckinTransition,
  receiveCheckinAction,
  receiveCheckinText,
  transitionCheckin,
} from './conversation';
export {
  createMentorTalkState,
  isMentorTalkAwaitingAnswer,
  MENTOR_NOTE_INPUT,
  MENTOR_TALK_ACTIONS,
  type MentorTalkEffect,
  type MentorTalkEvent,
  type MentorTalkRejectionCode,
  type MentorTalkState,
  type MentorTalkStep,
  type MentorTalkTransition,
  mentorTalkStateSchema,
  mentorTalkValue,
  parseMentorTalkAction,
  parseMentorTalkState,
  parseMentorTalkText,
  transitionMentorTalk,
} from './mentor-talk';
export {
  type CoordinatorCheckinAlert,
  checkinCatalog,
  checkinRejectedKey,
  checkinTextsFor,
  renderCheckinAsk,
  renderCheckinEffects,
  renderCheckinPrompt,
  renderCheckinReminder,
  renderCoordinatorCheckinAlert,
  renderMentorTalkEffects,
  renderMentorTalkQuestion,
  renderMoodLowAlert,
  renderWantsTalkNote,
} from './messages';
export { CHECKIN_ACTIONS, parseCheckinAction, parseCheckinText, parseMood, parseYesNo } from './parse';
export {
  checkinForWeek,
  checkinsBetween,
  openCheckinAt,
  reminderAt,
  type ScheduledCheckin,
} from './schedule';
export {
  type CheckinHistoryEntry,
  type CheckinSignal,
  type CheckinSignalKind,
  createSignal,
  currentCheckinFlags,
  evaluateCheckinSignals,
  type MentorTalkAnswer,
  type MoodLowReason,
  type SignalAudience,
} from './signals';
export {
  type CheckinEffect,
  type CheckinEvent,
  type CheckinRejectionCode,
  type CheckinState,
  type CheckinStep,
  checkinStateSchema,
  createCheckinState,
  type FollowUpStep,
  isCheckinAnswered,
  isCheckinAwaitingAnswer,
  MAX_FREE_TEXT,
  parseCheckinState,
} from './state';
