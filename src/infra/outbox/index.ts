export { createCoordinatorAlerter, deliveryProblemKey } from './alerter';
export {
  createDispatcher,
  DEFAULT_DISPATCHER_OPTIONS,
  type Dispatcher,
  type DispatcherDeps,
  type DispatcherOptions,
} from './dispatcher';
export { enqueue, enqueueMany, type OutboxItem, pruneDelivered } from './enqueue';
export { addressKey, recipientKey } from './keys';
export { createDefaultResolver, type RecipientResolver, type ResolvedRecipient } from './resolve';
export type { DispatchSummary, UndeliverableHandler, UndeliverableInfo } from './types';
