import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import App from './App';
import { I18nProvider } from './i18n';
import { Themed } from './Themed';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <Themed>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </Themed>
    </I18nProvider>
  </StrictMode>,
);
