import type { CliCommand } from '../command';
import { trainCommand } from './train';

/** Every CLI command. Add new ones here, one line each. */
export const COMMANDS: CliCommand[] = [
  trainCommand,
];
