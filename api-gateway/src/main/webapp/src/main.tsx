import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import App from './App';
import { signedInFromPage } from './auth/session';
import { asLang, I18nProvider, storedLang } from './i18n';
import { Themed } from './Themed';

// the language chosen here, else the account's (from the page the gateway served), else the browser's
const initialLang = storedLang() ?? asLang(signedInFromPage()?.locale) ?? undefined;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initial={initialLang}>
      <Themed>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </Themed>
    </I18nProvider>
  </StrictMode>,
);
