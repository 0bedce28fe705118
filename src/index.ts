// The core's public surface. Adapters import from here and nowhere deeper.

export type { AgendaEntry } from './agenda/agenda-clashes.ts';
export { agendaEntries } from './agenda/agenda-clashes.ts';
export type {
  AgendaChange,
  AgendaOutcome,
  AgendaRequest,
  AgendaRequestKind,
} from './agenda/agenda-request.ts';
export type {
  Answer,
  AnswerBlock,
  AnswerField,
  AnswerItem,
  AnswerResult,
  SourceLink,
} from './answer/answer.ts';
export { conferenceLabel, coverageSentence } from './answer/describe-coverage.ts';
export { renderPlainText } from './answer/plain-text.ts';
export type { DigestKind, DigestRequest } from './digest/build-digest.ts';
export {
  type ConversationContext,
  type ConversationFocus,
  parseConversationContext,
} from './engine/conversation.ts';
export { type AskOptions, createEngine, type Engine, type EngineOptions } from './engine/create-engine.ts';
export { assertNever, type IntentKind } from './engine/intent.ts';
export {
  type ConferenceNames,
  namePhrases,
  type PickedConference,
  pickConference,
} from './engine/pick-conference.ts';
export { MAX_QUESTION_LENGTH, sanitizeQuestion } from './engine/sanitize.ts';
export type { DataFormat } from './load/detect-format.ts';
export { type LoadResult, loadDataset } from './load/load-dataset.ts';
export { type LoadTextOptions, loadDatasetText } from './load/load-text.ts';
export { DatasetError, formatProblem, type Problem } from './load/problem.ts';
export { redactUrl } from './load/redact-url.ts';
export {
  type ChangeReport,
  compareProgrammes,
  isEmptyReport,
  type MovedSession,
} from './merge/change-report.ts';
export { type DatasetStats, datasetStats } from './merge/dataset-stats.ts';
export { type LabelledDataset, mergeRefusal } from './merge/date-overlap.ts';
export { type MergeReport, type MergeResult, mergeDatasets } from './merge/merge-datasets.ts';
export { checkShrink, type ShrinkCheck, type ShrinkReason } from './merge/shrink-check.ts';
export type { Catalog, RecordType } from './model/catalog.ts';
export { type Coverage, type CoveredDay, coverageOf } from './model/coverage.ts';
export { type ScheduleWarning, scheduleWarnings } from './model/schedule-warnings.ts';
export type {
  Announcement,
  Conference,
  Dataset,
  Organization,
  Person,
  Project,
  Session,
  Source,
  Term,
} from './model/schema.ts';
export { isKnownTimeZone } from './model/schema.ts';
export { SNAPSHOT_FORMAT } from './snapshot/engine-snapshot.ts';
export {
  buildSnapshotEngine,
  type RestoredEngine,
  restoreEngine,
  type SnapshotEngine,
} from './snapshot/restore-engine.ts';
export { cutToLength, graphemes } from './text/graphemes.ts';
