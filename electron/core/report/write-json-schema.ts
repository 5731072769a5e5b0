// Regenerates resources/schemas/report.v1.schema.json from the zod report model:
//   npx tsx electron/core/report/write-json-schema.ts
// The report tests fail when the committed file and the model disagree.
import { fileURLToPath } from 'node:url';
import { writeJsonAtomic } from '../util/atomic-write';
import { reportJsonSchema } from './json-schema';

export const REPORT_SCHEMA_FILE = fileURLToPath(new URL('../../../resources/schemas/report.v1.schema.json', import.meta.url));

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  await writeJsonAtomic(REPORT_SCHEMA_FILE, reportJsonSchema());
  process.stdout.write(`Wrote ${REPORT_SCHEMA_FILE}\n`);
}
