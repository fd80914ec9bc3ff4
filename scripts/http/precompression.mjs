// Astro integration (issue 20): after the build, writes a brotli (quality 11)
// and a gzip (level 9) copy next to every compressible file of the client
// folder, kept only when smaller. The front layer (scripts/http/frontal.mjs)
// serves them by Accept-Encoding.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLES = /\.(html|css|js|mjs|json|geojson|csv|txt|svg|xml|webmanifest)$/i;

export function precompresser(dossier) {
  let n = 0;
  const parcourir = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) {
        parcourir(f);
        continue;
      }
      if (!COMPRESSIBLES.test(e.name)) continue;
      const corps = readFileSync(f);
      if (corps.length < 1024) continue;
      const br = brotliCompressSync(corps, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: corps.length } });
      const gz = gzipSync(corps, { level: 9 });
      if (br.length < corps.length) {
        writeFileSync(f + '.br', br);
        n++;
      }
      if (gz.length < corps.length) {
        writeFileSync(f + '.gz', gz);
        n++;
      }
    }
  };
  parcourir(dossier);
  return n;
}

export default function precompression() {
  return {
    name: 'gpe-precompression',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const n = precompresser(fileURLToPath(dir));
        logger.info(`${n} precompressed copies (brotli, gzip)`);
      },
    },
  };
}
