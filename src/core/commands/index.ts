export { parseCommand } from './parse';
export { renderCommandError } from './render-error';
export { renderHelp } from './render-help';
export { SETTING_SPECS, type SettingKey } from './settings';
export {
  COMMAND_TABLE,
  type CommandSpec,
  primaryAlias,
  requiredRole,
  requiredScope,
  usageLine,
} from './table';
export type {
  AddPlacementArgs,
  CohortSettingsPatch,
  Command,
  CommandName,
  CommandRole,
  CommandScope,
  CommandTarget,
  CommandUsageError,
  ExcuseTarget,
} from './types';
