import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { appI18n } from './i18n/app-i18n';
import { PipelineProvider } from './state/pipeline-context';
import { createClient } from './transport/create-client';
import { asContractError } from './transport/api-error';
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/700.css';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
try {
  const { api } = createClient();
  root.render(
    <StrictMode>
      <I18nextProvider i18n={appI18n}>
        <ApiProvider api={api}>
          <PipelineProvider>
            <App />
          </PipelineProvider>
        </ApiProvider>
      </I18nextProvider>
    </StrictMode>,
  );
} catch (error) {
  const e = asContractError(error);
  root.render(
    <div className="error-box" role="alert" data-testid="startup-error">
      <p className="error-message">{e.message}</p>
      {e.hint ? <p className="error-hint">{e.hint}</p> : null}
    </div>,
  );
}
