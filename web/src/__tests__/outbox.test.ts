import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { Outbox, retryable, StorageFull, type Job, type Send } from '../outbox';

function memory(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

function report(id: string): Job {
  return {
    id, kind: 'report', queuedAt: '2026-11-24T08:00:00Z',
    report: { reportId: `r-${id}`, title: '井盖缺失', content: '路口井盖缺失', category: '0101', lon: 116.3, lat: 39.7 },
  };
}

const offline = () => Promise.reject(new ApiError(0, '无法连接服务器'));

describe('Outbox', () => {
  it('keeps a job when the network is away and sends it, once, when it returns', async () => {
    const store = memory();
    let online = false;
    const sent: string[] = [];
    const send: Send = async (job) => {
      if (!online) return offline();
      sent.push(job.id);
    };
    const box = new Outbox(store, send);
    const first = await box.add(report('a'));
    expect(first).toEqual({ sent: 0, refused: [], waiting: 1 });
    expect(box.size).toBe(1);

    // What was queued survives a reload: a new outbox on the same storage sees it.
    online = true;
    const again = new Outbox(store, send);
    expect(again.size).toBe(1);
    expect(await again.flush()).toEqual({ sent: 1, refused: [], waiting: 0 });
    expect(sent).toEqual(['a']);
    expect(again.size).toBe(0);
  });

  it('sends in order and stops at the first job that cannot go, leaving the rest queued', async () => {
    const store = memory();
    const sent: string[] = [];
    const box = new Outbox(store, async (job) => {
      if (job.id === 'b') return offline();
      sent.push(job.id);
    });
    store.setItem('cityos.outbox', JSON.stringify([report('a'), report('b'), report('c')]));
    const result = await box.flush();
    expect(sent).toEqual(['a']);
    expect(result.waiting).toBe(2);
    expect(box.jobs().map((j) => j.id)).toEqual(['b', 'c']);
  });

  it('drops a job the server refuses and reports why, without blocking the jobs behind it', async () => {
    const box = new Outbox(memory(), async (job) => {
      if (job.id === 'a') throw new ApiError(400, '位置不在本区范围内');
    });
    await box.add(report('a'));
    const result = await box.add(report('b'));
    expect(box.size).toBe(0);
    expect(result.sent).toBe(1);
  });

  it('resumes after the last finished step: a retried report does not create its case twice', async () => {
    const store = memory();
    const calls: string[] = [];
    let photoFails = true;
    const box = new Outbox(store, async (job, progress) => {
      if (job.kind !== 'report') return;
      if (!job.caseId) {
        calls.push('intake');
        progress({ caseId: 'cas_1' });
      }
      calls.push('photo');
      if (photoFails) return offline();
    });
    await box.add({ ...report('a'), photo: { name: 'p.jpg', dataUrl: 'data:image/jpeg;base64,/9j/' } });
    expect(box.jobs()[0]).toMatchObject({ caseId: 'cas_1' });
    photoFails = false;
    await box.flush();
    expect(calls).toEqual(['intake', 'photo', 'photo']);
    expect(box.size).toBe(0);
  });

  it('tells listeners the queued count and never runs two flushes side by side', async () => {
    const counts: number[] = [];
    let running = 0;
    let most = 0;
    const box = new Outbox(memory(), async () => {
      running++;
      most = Math.max(most, running);
      await Promise.resolve();
      running--;
    });
    box.onChange((n) => counts.push(n));
    await Promise.all([box.add(report('a')), box.add(report('b')), box.flush()]);
    expect(most).toBe(1);
    expect(box.size).toBe(0);
    expect(counts.at(-1)).toBe(0);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(1);
  });
});

describe('retryable', () => {
  it('retries network, session and server trouble but not a refusal', () => {
    expect(retryable(new ApiError(0, ''))).toBe(true);
    expect(retryable(new ApiError(401, ''))).toBe(true);
    expect(retryable(new ApiError(503, ''))).toBe(true);
    expect(retryable(new ApiError(409, ''))).toBe(false);
    expect(retryable(new ApiError(400, ''))).toBe(false);
    expect(retryable(new TypeError('Failed to fetch'))).toBe(true);
  });
});

describe('blobOf', () => {
  it('decodes a stored photo to its bytes and type without fetching the data URL', async () => {
    const { blobOf } = await import('../mobile');
    const blob = blobOf({ name: 'p.png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('sends a job at once when storage is full, and says so when it cannot go either', async () => {
    const full: Pick<Storage, 'getItem' | 'setItem'> = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const sent: string[] = [];
    let online = true;
    const box = new Outbox(full, async (job) => {
      if (!online) return offline();
      if (job.id === 'bad') throw new ApiError(400, '位置不在本区范围内');
      sent.push(job.id);
    });
    expect(await box.add(report('a'))).toEqual({ sent: 1, refused: [], waiting: 0 });
    expect(sent).toEqual(['a']);
    expect((await box.add(report('bad'))).refused.map((r) => r.message)).toEqual(['位置不在本区范围内']);
    online = false;
    await expect(box.add(report('b'))).rejects.toBeInstanceOf(StorageFull);
  });
});
