import { createHash } from 'node:crypto';
import { buildImportedModel, type BuildOptions, type BuiltModel } from './build-model';
import { ImportProblems } from './import-problems';
import { parseKerasTopology } from './keras-topology';
import { readModelFile, type ImportFormat, type ImportInput } from './read-formats';

export interface ImportedModel extends BuiltModel {
  source: { file: string; format: ImportFormat; sha256: string; bytes: number; producer?: string };
}

/** Reads a model file into the spec v2 model and its weights (nothing is written). */
export async function importModel(input: ImportInput, options: Pick<BuildOptions, 'inputSize'> = {}): Promise<ImportedModel> {
  const read = await readModelFile(input);
  const problems = new ImportProblems();
  const graph = parseKerasTopology(read.modelConfig, input.fileName, problems);
  const built = buildImportedModel(graph, read.weights, problems, input.fileName, {
    legacyHardSigmoid: read.legacyHardSigmoid,
    ...options,
  });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return {
    ...built,
    source: {
      file: input.fileName,
      format: read.format,
      sha256,
      bytes: input.bytes.byteLength,
      ...(read.producer === undefined ? {} : { producer: read.producer }),
    },
  };
}
