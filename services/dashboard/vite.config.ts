/// <reference types="vitest/config" />
import path from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);
// `npx nx run dashboard:serve` forwards the API to a gateway started by npm start.
const gateway = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    // scripts/build.mjs gives its own folder inside dist/; this is for a build by hand.
    outDir: path.resolve(root, '../../dist/services/dashboard'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The first view's budget (README): more than this in one chunk is a regression to look at.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/auth'].map((prefix) => [prefix, gateway])),
  },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
  },
});
