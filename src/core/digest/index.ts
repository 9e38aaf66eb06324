export { buildDigest, EVALUATION_WINDOW_DAYS } from './build';
export { DIGEST_DETAILS_ACTION, MAX_DIGEST_BLOCKS, renderDigest, renderDigestForMentor } from './render';
export type {
  DigestFlag,
  DigestInput,
  DigestMentorGroup,
  DigestPlacementInput,
  DigestStudentRow,
  DigestView,
  EvaluationKind,
} from './types';
