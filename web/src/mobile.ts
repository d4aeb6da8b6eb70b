import { post, upload } from './api';
import { newId, Outbox, type Job, type StoredPhoto } from './outbox';

/** Sends a grid worker's queued job over the API, recording each finished step. */
export async function sendJob(job: Job, progress: (patch: Partial<Job>) => void): Promise<void> {
  if (job.kind === 'report') {
    let caseId = job.caseId;
    if (!caseId) {
      caseId = (await post<{ id: string }>('/api/casework/intake/grid', job.report)).id;
      progress({ caseId });
    }
    if (job.photo) {
      const where = `&lon=${job.report.lon}&lat=${job.report.lat}`;
      await upload(`/api/casework/cases/${caseId}/attachments?stage=INTAKE${where}`, blobOf(job.photo), job.photo.name);
    }
    return;
  }
  if (!job.photoSent) {
    const where = `&lon=${job.lon}&lat=${job.lat}`;
    await upload(`/api/casework/cases/${job.caseId}/attachments?stage=VERIFY${where}`, blobOf(job.photo), job.photo.name);
    progress({ photoSent: true });
  }
  await post(`/api/casework/cases/${job.caseId}/verify`, { passed: job.passed, note: job.note || null, lon: job.lon, lat: job.lat });
}

/** The photo's bytes, decoded by hand: the page's CSP (connect-src 'self') forbids fetching a data: URL. */
export function blobOf(photo: StoredPhoto): Blob {
  const [head, data] = photo.dataUrl.split(',', 2);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const binary = atob(data ?? '');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** The phone's one outbox, kept in local storage so that a reload or a dead battery loses nothing. */
export const outbox = new Outbox(localStorage, sendJob);

/**
 * A photo as a data URL small enough for local storage: phones take 4000-pixel pictures, so the longer side is
 * scaled to 1600 pixels as JPEG when the browser can; otherwise the file as it is.
 */
export async function storedPhoto(file: File): Promise<StoredPhoto> {
  const name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return { name, dataUrl: canvas.toDataURL('image/jpeg', 0.8) };
  } catch {
    return { name: file.name, dataUrl: await readAsDataUrl(file) };
  }
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export { newId };
