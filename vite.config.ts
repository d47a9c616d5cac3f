import { defineConfig } from 'vite'
import preact from '@preact/preset-vite'

// The client lives in client/ and is built into dist/client, which Fastify serves.
export default defineConfig({
  root: 'client',
  plugins: [preact()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' } }
})
