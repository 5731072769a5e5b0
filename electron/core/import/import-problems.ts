import { UserError } from '../util/errors';

/** One thing in the model Sparse Studio cannot take, with what to do about it. */
export interface ImportProblem {
  layer: string;
  className: string;
  problem: string;
  todo: string;
}

/** Collects every unsupported construct so the user gets one report listing all of them, not the first only. */
export class ImportProblems {
  readonly list: ImportProblem[] = [];

  unsupported(layer: string, className: string, problem: string, todo: string): void {
    this.list.push({ layer, className, problem, todo });
  }

  /** Throws one UserError listing every problem (nothing is written before this passes). */
  throwIfAny(file: string): void {
    if (this.list.length === 0) return;
    const lines = this.list.map((p) => `  - '${p.layer}' (${p.className}): ${p.problem}. ${p.todo}`);
    const count = this.list.length;
    throw new UserError(
      'IMPORT_UNSUPPORTED',
      `${file} cannot be imported: ${count} unsupported layer${count === 1 ? '' : 's'} or construct${count === 1 ? '' : 's'}:\n${lines.join('\n')}`,
      'Change the model in Keras as suggested, save it again and re-run import.',
    );
  }
}
