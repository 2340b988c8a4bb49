import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The server serves the built bundle at "/" with the API on the same origin; `npm run dev`
// proxies the API to a server started by hand (FLOTILLA_URL, default http://127.0.0.1:18080).
const target = process.env.FLOTILLA_URL ?? 'http://127.0.0.1:18080';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': target, '/oauth2': target, '/login/oauth2': target } },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('@patternfly')) return 'patternfly';
          if (id.includes('node_modules/react')) return 'react';
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
