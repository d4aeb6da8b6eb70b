import { ApiError } from './api';

/** A photo kept with a queued submission, as a data URL so that it survives a reload in local storage. */
export interface StoredPhoto {
  name: string;
  dataUrl: string;
}

/** A grid worker's report of a problem; {@code reportId} makes a retried report the same case, not a second one. */
export interface ReportJob {
  id: string;
  kind: 'report';
  report: { reportId: string; title: string; content: string; category: string; lon: number; lat: number };
  photo?: StoredPhoto;
  /** Set once intake answered, so a retry only sends the photo. */
  caseId?: string;
  queuedAt: string;
}

/** An on-site check: the after-photo (with GPS) first, then the verdict. */
export interface VerifyJob {
  id: string;
  kind: 'verify';
  caseId: string;
  passed: boolean;
  note: string;
  lon: number;
  lat: number;
  photo: StoredPhoto;
  /** Set once the photo was accepted, so a retry does not attach it twice. */
  photoSent?: boolean;
  queuedAt: string;
}

export type Job = ReportJob | VerifyJob;

/** Storage would not keep a job and the network would not take it: nothing was saved. */
export class StorageFull extends Error {
  constructor() {
    super('storage full');
  }
}

/** Sends one job; {@code progress} records a finished step so that a retry resumes after it. */
export type Send = (job: Job, progress: (patch: Partial<Job>) => void) => Promise<void>;

/** What one flush did: jobs sent, jobs the server refused (they will not be retried), jobs still waiting. */
export interface FlushResult {
  sent: number;
  refused: { job: Job; message: string }[];
  waiting: number;
}

/**
 * Offline-tolerant submissions: every job is written to storage before it is tried, tried in order, removed when
 * sent, and kept when the network (or the server) is away — the caller flushes again when {@code online} fires.
 * A job the server refuses (4xx other than 401) is dropped and reported: retrying would never succeed.
 */
export class Outbox {
  private flushing: Promise<unknown> | null = null;
  private listeners = new Set<(size: number) => void>();

  constructor(
    private readonly store: Pick<Storage, 'getItem' | 'setItem'>,
    private readonly send: Send,
    private readonly key = 'cityos.outbox',
  ) {}

  jobs(): Job[] {
    try {
      const raw = this.store.getItem(this.key);
      return raw ? (JSON.parse(raw) as Job[]) : [];
    } catch {
      return [];
    }
  }

  get size(): number {
    return this.jobs().length;
  }

  onChange(listener: (size: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Queues a job and tries to send everything queued. When storage refuses the job (full, or disabled in a private
   * window) it is sent at once without being kept; if that cannot go either, {@link StorageFull} says so, so the
   * worker knows nothing was saved.
   */
  async add(job: Job): Promise<FlushResult> {
    try {
      this.save([...this.jobs(), job]);
    } catch {
      return this.sendUnsaved(job);
    }
    return this.flush();
  }

  private async sendUnsaved(job: Job): Promise<FlushResult> {
    const waiting = this.size;
    try {
      let current = job;
      await this.send(job, (patch) => (current = { ...current, ...patch } as Job));
      return { sent: 1, refused: [], waiting };
    } catch (e) {
      if (retryable(e)) throw new StorageFull();
      return { sent: 0, refused: [{ job, message: (e as Error).message }], waiting };
    }
  }

  /**
   * Sends queued jobs in order until one cannot go for want of network. Flushes run one after the other, never side
   * by side: two would send the same job twice.
   */
  flush(): Promise<FlushResult> {
    const next = (this.flushing ?? Promise.resolve()).then(() => this.drain());
    this.flushing = next;
    next.finally(() => {
      if (this.flushing === next) this.flushing = null;
    });
    return next;
  }

  private async drain(): Promise<FlushResult> {
    const result: FlushResult = { sent: 0, refused: [], waiting: 0 };
    for (let job = this.jobs()[0]; job; job = this.jobs()[0]) {
      try {
        await this.send(job, (patch) => this.update(job.id, patch));
        this.remove(job.id);
        result.sent++;
      } catch (e) {
        if (retryable(e)) break;
        this.remove(job.id);
        result.refused.push({ job, message: (e as Error).message });
      }
    }
    result.waiting = this.size;
    return result;
  }

  private update(id: string, patch: Partial<Job>): void {
    this.save(this.jobs().map((j) => (j.id === id ? ({ ...j, ...patch } as Job) : j)));
  }

  private remove(id: string): void {
    this.save(this.jobs().filter((j) => j.id !== id));
  }

  private save(jobs: Job[]): void {
    this.store.setItem(this.key, JSON.stringify(jobs));
    for (const listener of this.listeners) listener(jobs.length);
  }
}

/** Worth another try later: no network (status 0), an expired session (401), or trouble on the server (5xx). */
export function retryable(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  return e.status === 0 || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500;
}

/** A fresh id for a job or a report; crypto.randomUUID exists only on secure pages, so there is a fallback. */
export function newId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
