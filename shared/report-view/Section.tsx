import type { ReactNode } from 'react';

/** A report section. `keep` sections (headline, charts) never break across PDF pages; long ones break between rows. */
export function ReportSection({ title, id, keep, children }: { title: string; id: string; keep?: boolean; children: ReactNode }) {
  return (
    <section className={keep ? 'report-section keep' : 'report-section'} data-section={id}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function SyntheticTag() {
  return <span className="tag synthetic" data-synthetic="true" />;
}
