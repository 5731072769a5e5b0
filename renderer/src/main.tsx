import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context';
import { App } from './app/App';
import { PipelineProvider } from './state/pipeline-context';
import { createClient } from './transport/create-client';
import { asContractError } from './transport/api-error';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
try {
  const { api } = createClient();
  root.render(
    <StrictMode>
      <ApiProvider api={api}>
        <PipelineProvider>
          <App />
        </PipelineProvider>
      </ApiProvider>
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
