import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { ErrorBox } from '../../components/ErrorBox';
import { usePipeline } from '../../state/pipeline-context';
import { asContractError } from '../../transport/api-error';

const FORMATS = ['json', 'csv', 'summary-csv', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

function saveDownload(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Outcome = { kind: 'downloaded'; fileName: string } | { kind: 'saved'; file: string } | { kind: 'cancelled' };

/**
 * One button per export format. In browser mode each is a download named after the run and format
 * (`<run>-report.pdf`); in the desktop app a save dialog asks where. Neither replaces the run's report/report.* files.
 */
export function ExportButtons({ runDirs }: { runDirs: string[] }) {
  const api = useApi();
  const { t } = useTranslation();
  const { pipeline } = usePipeline();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [error, setError] = useState<ContractError | undefined>(undefined);

  const exportAs = async (format: Format): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setOutcome(undefined);
    try {
      if (pipeline.transport === 'ipc') {
        const reply = await api.invoke('report.export', { runDirs, format });
        setOutcome('file' in reply ? { kind: 'saved', file: reply.file } : { kind: 'cancelled' });
      } else {
        const file = await api.invoke('report.download', { runDirs, format });
        saveDownload(file.fileName, file.mimeType, file.base64);
        setOutcome({ kind: 'downloaded', fileName: file.fileName });
      }
    } catch (e) {
      setError(asContractError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <div className="actions" role="group" aria-label={t('report.screen.exportGroup')}>
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            onClick={() => void exportAs(format)}
            disabled={busy || runDirs.length === 0}
            data-testid={`export-${format}`}
          >
            {t('report.screen.export', { format: t(`report.screen.format.${format}`) })}
          </button>
        ))}
      </div>
      {busy ? <p className="muted">{t('report.screen.exporting')}</p> : null}
      {outcome?.kind === 'downloaded' ? (
        <p className="saved" data-testid="export-file">
          {t('report.screen.downloaded')} <code>{outcome.fileName}</code>
        </p>
      ) : null}
      {outcome?.kind === 'saved' ? (
        <p className="saved" data-testid="export-file">
          {t('report.screen.savedTo')} <code>{outcome.file}</code>
        </p>
      ) : null}
      {outcome?.kind === 'cancelled' ? <p className="muted">{t('report.screen.cancelled')}</p> : null}
      <ErrorBox error={error} testId="export-error" />
    </div>
  );
}
