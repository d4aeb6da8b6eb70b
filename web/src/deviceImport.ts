/** A device import job as /api/devices/imports answers it (issues carry their reason in words). */
export interface ImportJob {
  id: string | { value: string };
  filename: string;
  dryRun: boolean;
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  rowsRead: number;
  imported: number;
  existing: number;
  failed: number;
  messageKey: string | null;
  message: string | null;
  issues: ImportIssue[];
  issueCount: number;
}

export interface ImportIssue {
  row: number;
  field: string | null;
  messageKey: string;
  args?: string[];
  message?: string | null;
}

/**
 * Where an import stands on the page: nothing chosen yet, the file going up, the job running (polled), finished
 * (all rows looked at, some may have issues), failed as a whole (the server stopped it), or refused (the upload
 * or a poll answered an error, shown in words).
 */
export type ImportPhase = 'idle' | 'uploading' | 'running' | 'done' | 'failed' | 'refused';

export interface ImportState {
  phase: ImportPhase;
  job: ImportJob | null;
  error: string;
}

export type ImportEvent =
  | { type: 'upload' }
  | { type: 'job'; job: ImportJob }
  | { type: 'error'; message: string }
  | { type: 'reset' };

export const IMPORT_IDLE: ImportState = { phase: 'idle', job: null, error: '' };

/**
 * The next state: an upload starts only when nothing is under way (a second click while one runs changes
 * nothing); a job reply moves on by the job's state; an error ends what was under way; reset starts over.
 * Replies arriving when nothing is under way (a late poll after reset) are ignored.
 */
export function nextImport(state: ImportState, event: ImportEvent): ImportState {
  const busy = state.phase === 'uploading' || state.phase === 'running';
  switch (event.type) {
    case 'upload':
      return busy ? state : { phase: 'uploading', job: null, error: '' };
    case 'job': {
      if (!busy) return state;
      const phase: ImportPhase =
        event.job.state === 'SUCCEEDED' ? 'done' : event.job.state === 'FAILED' ? 'failed' : 'running';
      return { phase, job: event.job, error: '' };
    }
    case 'error':
      return busy ? { phase: 'refused', job: state.job, error: event.message } : state;
    case 'reset':
      return busy ? state : IMPORT_IDLE;
  }
}

/** Whether the page should poll the job again. */
export function polling(state: ImportState): boolean {
  return state.phase === 'running';
}

/** The job's id as text (the server writes it as an object holding the UUID). */
export function jobId(job: Pick<ImportJob, 'id'>): string {
  return typeof job.id === 'string' ? job.id : job.id.value;
}

/** Files the import reads, by name: CSV and Excel .xlsx. */
export function importable(fileName: string): boolean {
  return /\.(csv|xlsx)$/i.test(fileName.trim());
}

/** A CSV cell: quoted when it holds a comma, quote or line break; formula starts defused for spreadsheets. */
function cell(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The row-level error report as a CSV file (with a BOM, so Excel reads the Chinese correctly): row, column,
 * reason in words (the key when the server gave none).
 */
export function issuesCsv(issues: readonly ImportIssue[], header: [string, string, string]): string {
  const lines = [header.map(cell).join(',')];
  for (const i of issues) lines.push([cell(i.row), cell(i.field), cell(i.message || i.messageKey)].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
