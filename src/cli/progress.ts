/**
 * Progress of a corpus pass on stderr when it is a terminal: documents done of all, MB/s and the
 * time left, on one line rewritten at most ten times a second and cleared at the end. Silent when
 * stderr is a file or a pipe, so that logs and tests see only the summary line.
 */
import type { Io } from './io.js';

export interface CorpusProgress {
  /** One more document done, of `bytes` bytes. */
  step(bytes: number): void;
  done(): void;
}

export function corpusProgress(io: Io, documents: number, totalBytes: number, now: () => number = Date.now): CorpusProgress {
  const show = io.stderrIsTTY;
  const started = now();
  let done = 0;
  let bytes = 0;
  let last = 0;
  let shown = false;
  return {
    step(size) {
      done++;
      bytes += size;
      const t = now();
      if (!show || t - last < 100) return;
      last = t;
      shown = true;
      io.stderr.write(`\r\x1b[K${progressLine(done, documents, bytes, totalBytes, (t - started) / 1000)}`);
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}

/** `120/10000 documents · 4.2 MB/s · 2m 10s left` */
export function progressLine(done: number, documents: number, bytes: number, totalBytes: number, seconds: number): string {
  const rate = seconds > 0 ? bytes / 1e6 / seconds : 0;
  const parts = [`${done}/${documents} documents`];
  if (seconds >= 0.5 && rate > 0) {
    parts.push(`${rate.toFixed(1)} MB/s`);
    parts.push(`${duration((totalBytes - bytes) / 1e6 / rate)} left`);
  }
  return parts.join(' · ');
}

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
