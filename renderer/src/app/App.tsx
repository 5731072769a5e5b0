import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLanguage } from '../i18n/app-i18n';
import type { AppInfo, ContractError } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { ErrorBox } from '../components/ErrorBox';
import { asContractError } from '../transport/api-error';
import { usePipeline } from '../state/pipeline-context';
import { BenchmarkScreen } from '../screens/BenchmarkScreen';
import { ConvertScreen } from '../screens/ConvertScreen';
import { DataScreen } from '../screens/DataScreen';
import { DevicesPanel } from '../screens/DevicesPanel';
import { HistoryPage } from '../screens/HistoryPage';
import { ModelScreen } from '../screens/ModelScreen';
import { PruneScreen } from '../screens/PruneScreen';
import { ReportScreen } from '../screens/ReportScreen';
import { SettingsPage } from '../screens/SettingsPage';
import { TrainScreen } from '../screens/TrainScreen';
import { WhatifScreen } from '../screens/whatif/WhatifScreen';
import { StepNav } from './StepNav';
import { STEPS } from './steps';
import { applyTheme } from './theme';
import { stepLock } from './step-locks';

type Page = 'wizard' | 'whatif' | 'devices' | 'history' | 'settings';

export function App() {
  const api = useApi();
  const { t } = useTranslation();
  const { pipeline, update } = usePipeline();
  const [page, setPage] = useState<Page>('wizard');
  const [step, setStep] = useState(1);
  const [info, setInfo] = useState<AppInfo | undefined>(undefined);
  const [startupError, setStartupError] = useState<ContractError | undefined>(undefined);

  useEffect(() => {
    Promise.all([api.invoke('app.info', {}), api.invoke('settings.get', {})]).then(
      ([appInfo, settings]) => {
        setInfo(appInfo);
        update({ workspace: settings.workspace, adbServer: settings.adbServer, transport: appInfo.transport });
        applyTheme(settings.theme);
        applyLanguage(settings.language, appInfo.systemLanguage);
      },
      (error: unknown) => setStartupError(asContractError(error)),
    );
    // Once per page load.
  }, [api]);

  const goto = (n: number): void => {
    setPage('wizard');
    setStep(n);
  };
  const next = (): void => goto(Math.min(STEPS.length, step + 1));
  const screens = [DataScreen, ModelScreen, TrainScreen, PruneScreen, ConvertScreen, BenchmarkScreen];

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">{t('app.name')}</div>
        <span className="muted small">
          {info ? `v${info.version} · ${info.transport === 'ipc' ? t('app.desktop') : t('app.browser')} · ${info.defaultBackend}` : ''}
        </span>
        <nav className="topnav" aria-label={t('app.panels')}>
          {(['devices', 'history', 'settings'] as const).map((p) => (
            <button
              key={p}
              type="button"
              className={page === p ? 'selected' : undefined}
              aria-pressed={page === p}
              onClick={() => setPage(page === p ? 'wizard' : p)}
              data-testid={`open-${p}`}
            >
              {t(`app.${p}`)}
            </button>
          ))}
        </nav>
      </header>
      <div className="body">
        <aside className="sidebar">
          <StepNav current={step} active={page === 'wizard'} onSelect={goto} lockReason={(n) => stepLock(n, pipeline)} />
          <div className="side-entry">
            <p className="muted small">{t('wizard.side.existing')}</p>
            <button
              type="button"
              className={page === 'whatif' ? 'step selected' : 'step'}
              aria-pressed={page === 'whatif'}
              onClick={() => setPage('whatif')}
              data-testid="open-whatif"
            >
              {t('wizard.side.whatif')}
            </button>
          </div>
        </aside>
        <main className="main">
          <ErrorBox error={startupError} testId="startup-error" />
          {STEPS.map((s, i) => {
            const Screen = screens[i];
            return (
              <div
                key={s.name}
                role="tabpanel"
                id={`panel-${s.name}`}
                aria-labelledby={`tab-${s.name}`}
                hidden={page !== 'wizard' || step !== s.n}
              >
                {Screen ? <Screen onNext={next} onGoto={goto} /> : <ReportScreen visible={page === 'wizard' && step === s.n} />}
              </div>
            );
          })}
          <div hidden={page !== 'whatif'}>
            <WhatifScreen />
          </div>
          <div hidden={page !== 'devices'}>
            <DevicesPanel />
          </div>
          <div hidden={page !== 'history'}>
            <HistoryPage visible={page === 'history'} onContinue={goto} />
          </div>
          <div hidden={page !== 'settings'}>{page === 'settings' ? <SettingsPage /> : null}</div>
        </main>
      </div>
    </div>
  );
}
