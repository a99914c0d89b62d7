import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { AppConfig } from '@ar/config';
import { LetterDocument } from './letter-document';
import { renderLetterPdf } from './letter-pdf';

/** The compiled worker script beside this module; absent when running from TypeScript sources (ts-jest). */
export const RENDER_WORKER_SCRIPT = join(__dirname, 'letter-render.worker.js');

/**
 * Renders letter PDFs in LETTER_RENDER_THREADS worker threads, so laying out and compressing a letter (the most
 * CPU a letter costs) runs beside the event loop that talks to Postgres, Redis and SMTP. Fonts are parsed once
 * per thread. With 0 threads, or from TypeScript sources, it renders on the event loop.
 */
@Injectable()
export class LetterRenderer implements OnModuleDestroy {
  private readonly pool: Piscina | null;

  constructor(config: AppConfig) {
    this.pool =
      config.letterRenderThreads > 0 && existsSync(RENDER_WORKER_SCRIPT)
        ? new Piscina({
            filename: RENDER_WORKER_SCRIPT,
            minThreads: 0,
            maxThreads: config.letterRenderThreads,
            idleTimeout: 60_000,
            // A letter's garbage is small and short-lived: a small young generation keeps each thread's memory low.
            resourceLimits: { maxYoungGenerationSizeMb: 8 },
          })
        : null;
  }

  get threads(): number {
    return this.pool?.options.maxThreads ?? 0;
  }

  async render(document: LetterDocument): Promise<Buffer> {
    if (!this.pool) return renderLetterPdf(document);
    // A Buffer crosses the thread boundary as a plain Uint8Array.
    const bytes = (await this.pool.run(document)) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
