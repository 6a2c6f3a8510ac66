import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The review workspace: built into web/dist, which the Fastify server serves at /. */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // The shared contract (src/contract): the word lists and API types the server uses, never a copy.
  resolve: { alias: { '@contract': fileURLToPath(new URL('../src/contract', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.SCRUTINEER_API ?? 'http://127.0.0.1:3000' },
  },
});
