import { afterEach, describe, expect, it } from 'vitest';
import { anyPending, commandTone, paramsTemplate, parseParams } from '../commands';
import {
  IMPORT_IDLE, importable, issuesCsv, jobId, nextImport, polling, type ImportJob, type ImportState,
} from '../deviceImport';
import { deviceQuery, devicePoints, inventoryMatrix, inventoryQuery, nextRow, noFilters, pageCount, typeName } from '../devices';
import { label, setLocale, t } from '../i18n';
import { mayOpen, menuFor } from '../menu';
import {
  alignRange, chartPoints, customRange, defaultRollup, fitRollup, presetRange, rollupsFor, telemetryQuery,
} from '../telemetry';

afterEach(() => setLocale('zh-CN'));

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 24, 12, 34, 56, 789);

describe('registry queries', () => {
  it('leaves blank filters out, trims text and pages by offset', () => {
    expect(deviceQuery(noFilters())).toBe('/api/devices?offset=0&limit=20');
    const q = deviceQuery({ type: 'smart-light-pole', division: '110115001000', state: 'ACTIVE', department: ' ', q: ' 灯杆 ' }, 40);
    const params = new URL(q, 'http://x').searchParams;
    expect(params.get('type')).toBe('smart-light-pole');
    expect(params.get('division')).toBe('110115001000');
    expect(params.get('state')).toBe('ACTIVE');
    expect(params.has('department')).toBe(false);
    expect(params.get('q')).toBe('灯杆');
    expect(params.get('offset')).toBe('40');
    expect(deviceQuery(noFilters(), -5, 1000)).toBe('/api/devices?offset=0&limit=1000');
  });

  it('counts pages, never fewer than one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });

  it('moves focus through the list with arrows, Home and End, within bounds', () => {
    expect(nextRow(0, 'ArrowDown', 3)).toBe(1);
    expect(nextRow(2, 'ArrowDown', 3)).toBe(2);
    expect(nextRow(0, 'ArrowUp', 3)).toBe(0);
    expect(nextRow(1, 'End', 3)).toBe(2);
    expect(nextRow(2, 'Home', 3)).toBe(0);
    expect(nextRow(1, 'Tab', 3)).toBeNull();
    expect(nextRow(0, 'ArrowDown', 0)).toBeNull();
  });

  it('names types in the page language and falls back to the code', () => {
    const types = [{ code: 'gateway', nameZh: '物联网关', nameEn: 'IoT gateway', gateway: true, properties: [], commands: [] }];
    expect(typeName(types, 'gateway', 'zh-CN')).toBe('物联网关');
    expect(typeName(types, 'gateway', 'en')).toBe('IoT gateway');
    expect(typeName(types, 'camera', 'zh-CN')).toBe('camera');
  });

  it('turns devices into map points carrying their id, skipping ones without coordinates', () => {
    const points = devicePoints([
      { id: 'dev_a', name: 'A', lon: 116.3, lat: 39.7, state: 'ACTIVE' },
      { id: 'dev_b', name: 'B', lon: Number.NaN, lat: 39.7, state: 'ACTIVE' },
    ]);
    expect(points.features).toHaveLength(1);
    expect(points.features[0].geometry).toEqual({ type: 'Point', coordinates: [116.3, 39.7] });
    expect(points.features[0].properties.id).toBe('dev_a');
  });
});

describe('inventory', () => {
  const rows = [
    { typeCode: 'camera', department: 'public-security', division: '110115001000', state: 'ACTIVE', count: 5 },
    { typeCode: 'camera', department: 'urban-management', division: '110115001000', state: 'FAULTY', count: 2 },
    { typeCode: 'camera', department: 'public-security', division: '110115002000', state: 'RETIRED', count: 9 },
    { typeCode: 'gateway', department: 'economy-it', division: '110115002000', state: 'ACTIVE', count: 8 },
  ];

  it('sums departments and states into type × town, leaving retired devices out', () => {
    const m = inventoryMatrix(rows);
    expect(m.cells.camera['110115001000']).toBe(7);
    expect(m.cells.camera['110115002000']).toBeUndefined();
    expect(m.types).toEqual(['gateway', 'camera']);
    expect(m.divisions).toEqual(['110115001000', '110115002000']);
    expect(m.divisionTotals['110115002000']).toBe(8);
    expect(m.total).toBe(15);
  });

  it('counts retired devices when they are what is asked for', () => {
    expect(inventoryMatrix(rows, true).total).toBe(24);
  });

  it('asks for counts per town with the chosen filters only', () => {
    expect(inventoryQuery({ type: '', division: '', state: 'ACTIVE', department: '' })).toBe('/api/inventory?level=TOWN&state=ACTIVE');
  });
});

describe('telemetry ranges and rollups', () => {
  it('gives presets ending now', () => {
    expect(presetRange('1h', NOW)).toEqual({ from: NOW - HOUR, to: NOW });
    expect(presetRange('7d', NOW).to - presetRange('7d', NOW).from).toBe(7 * 24 * HOUR);
  });

  it('picks raw for an hour, minutes for a day, hours for a week, days for a year', () => {
    expect(defaultRollup(presetRange('1h', NOW))).toBe('raw');
    expect(defaultRollup(presetRange('24h', NOW))).toBe('1m');
    expect(defaultRollup(presetRange('7d', NOW))).toBe('1h');
    expect(defaultRollup({ from: NOW - 365 * 24 * HOUR, to: NOW })).toBe('1d');
  });

  it('offers only rollups the server can draw: no minutes over a week, no days within an hour', () => {
    expect(rollupsFor(presetRange('1h', NOW))).toEqual(['raw', '1m', '1h']);
    expect(rollupsFor(presetRange('24h', NOW))).toEqual(['raw', '1m', '1h', '1d']);
    expect(rollupsFor(presetRange('7d', NOW))).toEqual(['raw', '1h', '1d']);
  });

  it('keeps a picked rollup while the range allows it, else falls back to the default', () => {
    expect(fitRollup('raw', presetRange('7d', NOW))).toBe('raw');
    expect(fitRollup('1m', presetRange('7d', NOW))).toBe('1h');
    expect(fitRollup(null, presetRange('24h', NOW))).toBe('1m');
  });

  it('widens ranges to whole buckets so the server may answer from its rollups', () => {
    const aligned = alignRange({ from: NOW - HOUR, to: NOW }, '1h');
    expect(new Date(aligned.from).toISOString()).toBe('2026-11-24T11:00:00.000Z');
    expect(new Date(aligned.to).toISOString()).toBe('2026-11-24T13:00:00.000Z');
    expect(new Date(alignRange({ from: NOW, to: NOW + 1 }, 'raw').from).toISOString()).toBe('2026-11-24T12:34:56.000Z');
  });

  it('builds raw and averaged series requests', () => {
    const raw = new URL(telemetryQuery('dev_1', 'pm25', presetRange('1h', NOW), 'raw'), 'http://x');
    expect(raw.pathname).toBe('/api/devices/dev_1/telemetry');
    expect(raw.searchParams.get('property')).toBe('pm25');
    expect(raw.searchParams.get('limit')).toBe('2000');
    expect(raw.searchParams.has('aggregation')).toBe(false);
    const daily = new URL(telemetryQuery('dev_1', 'pm25', presetRange('7d', NOW), '1d'), 'http://x');
    expect(daily.searchParams.get('aggregation')).toBe('avg');
    expect(daily.searchParams.get('interval')).toBe('P1D');
    expect(daily.searchParams.get('from')).toBe('2026-11-17T00:00:00.000Z');
  });

  it('checks a custom range: order and the 400-day limit', () => {
    expect(customRange('2026-11-24T10:00', '2026-11-24T09:00')).toEqual({ error: 'telemetry.rangeInvalid' });
    expect(customRange('', '2026-11-24T09:00')).toEqual({ error: 'telemetry.rangeInvalid' });
    expect(customRange('2024-01-01T00:00', '2026-01-01T00:00')).toEqual({ error: 'telemetry.rangeTooLong' });
    const ok = customRange('2026-11-24T08:00', '2026-11-24T09:30');
    expect('error' in ok ? null : ok.to - ok.from).toBe(1.5 * HOUR);
  });

  it('charts numeric points only', () => {
    const points = chartPoints({ points: [
      { at: '2026-11-24T12:00:00Z', value: 3.5, text: null, count: 1 },
      { at: '2026-11-24T12:01:00Z', value: null, text: 'ON', count: 1 },
    ] });
    expect(points).toEqual([[Date.parse('2026-11-24T12:00:00Z'), 3.5]]);
  });
});

describe('commands', () => {
  it('accepts a JSON object or nothing, and says what is wrong otherwise', () => {
    expect(parseParams('{"level": 50}')).toEqual({ params: { level: 50 } });
    expect(parseParams('  ')).toEqual({ params: {} });
    expect(parseParams('{level: 50}')).toEqual({ error: 'command.notJson' });
    expect(parseParams('[1, 2]')).toEqual({ error: 'command.notObject' });
    expect(parseParams('null')).toEqual({ error: 'command.notObject' });
  });

  it('labels every status in both languages and keeps refreshing while one is under way', () => {
    expect(label('commandStatus', 'QUEUED')).toBe('待下发');
    expect(label('commandStatus', 'ACKNOWLEDGED')).toBe('已执行');
    expect(label('commandStatus', 'EXPIRED')).toBe('已过期');
    setLocale('en');
    expect(label('commandStatus', 'FAILED')).toBe('Failed');
    expect(commandTone('SENT')).toBe('pending');
    expect(commandTone('ACKNOWLEDGED')).toBe('ok');
    expect(commandTone('FAILED')).toBe('bad');
    expect(anyPending([{ status: 'ACKNOWLEDGED' }, { status: 'SENT' }])).toBe(true);
    expect(anyPending([{ status: 'ACKNOWLEDGED' }, { status: 'EXPIRED' }])).toBe(false);
  });

  it('prefills parameters from the type declaration', () => {
    const dim = { name: 'dim', parameters: [{ name: 'level', dataType: 'INTEGER', min: 0, max: 100, values: [], required: true }] };
    const sw = { name: 'switch', parameters: [{ name: 'state', dataType: 'ENUM', min: null, max: null, values: ['ON', 'OFF'], required: true }] };
    expect(JSON.parse(paramsTemplate(dim))).toEqual({ level: 0 });
    expect(JSON.parse(paramsTemplate(sw))).toEqual({ state: 'ON' });
    expect(paramsTemplate({ name: 'reboot', parameters: [] })).toBe('{}');
  });
});

describe('import progress', () => {
  const job = (state: ImportJob['state'], extra: Partial<ImportJob> = {}): ImportJob => ({
    id: { value: 'a1b2' }, filename: 'd.csv', dryRun: false, state, rowsRead: 2, imported: 1, existing: 0, failed: 1,
    messageKey: null, message: null, issues: [], issueCount: 0, ...extra,
  });

  it('goes upload → running while the job runs → done, polling only while running', () => {
    let s: ImportState = nextImport(IMPORT_IDLE, { type: 'upload' });
    expect(s.phase).toBe('uploading');
    s = nextImport(s, { type: 'job', job: job('QUEUED') });
    expect(s.phase).toBe('running');
    expect(polling(s)).toBe(true);
    s = nextImport(s, { type: 'job', job: job('RUNNING') });
    expect(s.phase).toBe('running');
    s = nextImport(s, { type: 'job', job: job('SUCCEEDED') });
    expect(s.phase).toBe('done');
    expect(polling(s)).toBe(false);
  });

  it('ends in failed when the server stops the job, and refused when a request fails', () => {
    const running = nextImport(nextImport(IMPORT_IDLE, { type: 'upload' }), { type: 'job', job: job('RUNNING') });
    expect(nextImport(running, { type: 'job', job: job('FAILED') }).phase).toBe('failed');
    const refused = nextImport(nextImport(IMPORT_IDLE, { type: 'upload' }), { type: 'error', message: '文件超过 1 字节。' });
    expect(refused).toEqual({ phase: 'refused', job: null, error: '文件超过 1 字节。' });
  });

  it('ignores a second upload while one runs, late replies after it ended, and resets only when idle', () => {
    const running = nextImport(nextImport(IMPORT_IDLE, { type: 'upload' }), { type: 'job', job: job('RUNNING') });
    expect(nextImport(running, { type: 'upload' })).toBe(running);
    expect(nextImport(running, { type: 'reset' })).toBe(running);
    const done = nextImport(running, { type: 'job', job: job('SUCCEEDED') });
    expect(nextImport(done, { type: 'job', job: job('RUNNING') })).toBe(done);
    expect(nextImport(done, { type: 'reset' })).toEqual(IMPORT_IDLE);
  });

  it('reads job ids, accepts CSV and xlsx only', () => {
    expect(jobId(job('QUEUED'))).toBe('a1b2');
    expect(jobId({ id: 'x' })).toBe('x');
    expect(importable('设备.CSV')).toBe(true);
    expect(importable('devices.xlsx')).toBe(true);
    expect(importable('devices.xls')).toBe(false);
  });

  it('writes the error report as CSV with a BOM, quoting and defusing formulas', () => {
    const csv = issuesCsv(
      [
        { row: 2, field: 'serial', messageKey: 'validation.required', message: '必须填写' },
        { row: 3, field: 'name', messageKey: 'x', message: '=HYPERLINK("a, b")' },
        { row: 4, field: null, messageKey: 'problem.unknown-device-type' },
      ],
      ['行号', '列', '原因'],
    );
    expect(csv.startsWith('\uFEFF行号,列,原因\r\n')).toBe(true);
    expect(csv).toContain('2,serial,必须填写\r\n');
    expect(csv).toContain(`3,name,"'=HYPERLINK(""a, b"")"\r\n`);
    expect(csv).toContain('4,,problem.unknown-device-type\r\n');
  });
});

describe('menu and words', () => {
  it('shows the device registry to readers, and has every device text in both languages', () => {
    expect(menuFor(['DEVICE_READ']).map((m) => m.route)).toEqual(['devices']);
    expect(mayOpen('devices', ['DEVICE_READ'])).toBe(true);
    expect(t('import.issuesMore', { n: 1200, shown: 1000 })).toBe('共 1200 条问题，显示前 1000 条。');
    setLocale('en');
    expect(t('devices.total', { n: 3 })).toBe('3 in total');
    expect(label('deviceState', 'FAULTY')).toBe('Faulty');
  });
});
