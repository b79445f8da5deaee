import { defineConfig } from 'vite';

// The UI is built into the jar's classpath folder haechi-web/ (the server serves it at / with an index.html
// fallback). `npm run dev` serves it at http://127.0.0.1:5173 and proxies /api to a running Haechi server
// (HAECHI_API, default http://127.0.0.1:8080).
const api = process.env.HAECHI_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: 'src/main/ui',
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../../../target/classes/haechi-web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    host: '127.0.0.1',
    // The server refuses cross-origin writes (Origin must match Host), so the proxy presents itself as the server.
    proxy: { '/api': { target: api, changeOrigin: true, headers: { origin: api } } },
  },
});
