import { useCommand } from '../../api/use-command';
import { ErrorBox } from '../../components/ErrorBox';

const FORMATS = ['json', 'csv', 'html', 'pdf'] as const;

/** One button per export format; shows where the file was written. */
export function ExportButtons({ runDirs }: { runDirs: string[] }) {
  const exporter = useCommand('report.export');
  return (
    <div>
      <div className="actions" role="group" aria-label="Export the report">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            onClick={() => void exporter.run({ runDirs, format })}
            disabled={exporter.busy || runDirs.length === 0}
            data-testid={`export-${format}`}
          >
            Export {format.toUpperCase()}
          </button>
        ))}
      </div>
      {exporter.busy ? <p className="muted">Exporting…</p> : null}
      {exporter.value ? (
        <p className="saved" data-testid="export-file">
          Saved <code>{exporter.value.file}</code>
        </p>
      ) : null}
      <ErrorBox error={exporter.error} testId="export-error" />
    </div>
  );
}
