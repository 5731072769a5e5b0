import { useTranslation } from 'react-i18next';
import type { WhatifFile } from '../../../../electron/core/whatif/whatif-report';
import { useFormat } from '../../../../shared/report-view/use-format';
import { describeVerdict } from '../../../../shared/whatif-view/describe';

/** The files a what-if job has written so far: the original and each pruned copy, with XNNPACK's verdict. */
export function WhatifFilesTable({ files }: { files: WhatifFile[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="table" data-testid="whatif-files">
      <thead>
        <tr>
          <th>{t('whatif.files.file')}</th>
          <th>{t('whatif.files.target')}</th>
          <th>{t('whatif.files.pruned')}</th>
          <th>{t('whatif.files.size')}</th>
          <th>{t('whatif.files.rules')}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => {
          const verdict = describeVerdict(file.verdict, t);
          return (
            <tr key={file.file}>
              <td>
                <code>{file.file}</code>
              </td>
              <td>{f.percent(file.sparsity, 0)}</td>
              <td>{f.count(file.layers.length)}</td>
              <td>{f.bytes(file.bytes)}</td>
              <td title={verdict.reason}>{verdict.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
