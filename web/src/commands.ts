import type { DeviceType } from './devices';

/** Delivery states of a downlink command, as the server names them. */
export type CommandStatus = 'QUEUED' | 'SENT' | 'ACKNOWLEDGED' | 'FAILED' | 'EXPIRED';
export const COMMAND_STATUSES: CommandStatus[] = ['QUEUED', 'SENT', 'ACKNOWLEDGED', 'FAILED', 'EXPIRED'];

/** A command sent to a device, with its status. */
export interface DownlinkCommand {
  id: string;
  kind: string;
  name: string;
  params: unknown;
  status: CommandStatus;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  sentAt: string | null;
  doneAt: string | null;
  attempts: number;
  result: string | null;
}

/** How a status looks: still under way, done, failed, or lapsed. */
export function commandTone(status: string): 'pending' | 'ok' | 'bad' | 'lapsed' {
  if (status === 'ACKNOWLEDGED') return 'ok';
  if (status === 'FAILED') return 'bad';
  if (status === 'EXPIRED') return 'lapsed';
  return 'pending';
}

/** Whether the list should keep refreshing: some command still waits for delivery or for the device's reply. */
export function anyPending(commands: readonly Pick<DownlinkCommand, 'status'>[]): boolean {
  return commands.some((c) => c.status === 'QUEUED' || c.status === 'SENT');
}

/**
 * The parameters typed by the user, checked before anything is sent: JSON, and a JSON object (the server takes
 * named parameters). Blank means no parameters.
 */
export function parseParams(text: string): { params: Record<string, unknown> } | { error: 'command.notJson' | 'command.notObject' } {
  if (!text.trim()) return { params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'command.notJson' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'command.notObject' };
  return { params: value as Record<string, unknown> };
}

/**
 * A starting text for a command's parameters, from the type's declaration: each parameter with a plausible value
 * (its first allowed value, its minimum, false or an empty text), so the user edits rather than types the names.
 */
export function paramsTemplate(command: DeviceType['commands'][number] | undefined): string {
  if (!command || command.parameters.length === 0) return '{}';
  const value = (p: DeviceType['commands'][number]['parameters'][number]): unknown => {
    if (p.values.length) return p.values[0];
    if (p.dataType === 'NUMBER' || p.dataType === 'INTEGER') return p.min ?? 0;
    if (p.dataType === 'BOOLEAN') return false;
    return '';
  };
  return JSON.stringify(Object.fromEntries(command.parameters.map((p) => [p.name, value(p)])));
}
