import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { SESSION_KEY } from './hooks/session';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { App } from './App';
import './styles.css';
import './thread.css';

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err) => {
      // The session ended (expired, or signed out elsewhere): back to the sign-in form.
      if (err instanceof ApiError && err.status === 401) queryClient.setQueryData(SESSION_KEY, null);
    },
  }),
  defaultOptions: {
    queries: {
      retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
      staleTime: 30_000,
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
