import type { CliCommand } from '../command';
import { trainCommand } from './train';
import { pipelineCommand } from './pipeline';
import { devicesCommand } from './devices';
import { connectCommand } from './connect';
import { pairCommand } from './pair';
import { benchCommand } from './bench';
import { reportCommand } from './report';
import { runsListCommand, runsShowCommand } from './runs';
import { convertCommand } from './convert';
import { inspectCommand } from './inspect';
import { validateCommand } from './validate';
import { parseBenchmarkCommand } from './parse-benchmark';
import { checkXnnpackCommand } from './check-xnnpack';
import { pruneCommand } from './prune';
import { sparsifyCommand } from './sparsify';
import { whatifCommand } from './whatif';
import { importCommand } from './import';
import { exportCommand } from './export';

/** Every CLI command. Add new ones here, one line each. */
export const COMMANDS: CliCommand[] = [
  trainCommand,
  pipelineCommand,
  devicesCommand,
  connectCommand,
  pairCommand,
  benchCommand,
  reportCommand,
  runsListCommand,
  runsShowCommand,
  convertCommand,
  inspectCommand,
  validateCommand,
  parseBenchmarkCommand,
  checkXnnpackCommand,
  pruneCommand,
  sparsifyCommand,
  whatifCommand,
  importCommand,
  exportCommand,
];
