import { ref } from 'vue';
import { alarmsEn, alarmsZh } from './texts/alarms';
import { casesEn, casesZh } from './texts/cases';
import { caseActionsEn, caseActionsZh } from './texts/caseActions';
import { mobileEn, mobileZh } from './texts/mobile';
import { rulesEn, rulesZh } from './texts/rules';
import { maptoolsEn, maptoolsZh } from './texts/maptools';
import { devicesEn, devicesZh } from './texts/devices';
import { approvalsEn, approvalsZh } from './texts/approvals';
import { cockpitEn, cockpitZh } from './texts/cockpit';
import { auditEn, auditZh } from './texts/audit';
import { usersEn, usersZh } from './texts/users';

/** The languages of the UI; Chinese first because the district works in Chinese. */
export type Locale = 'zh-CN' | 'en';

const coreZh = {
  'app.title': 'CityOS 城市运行平台',
  'app.subtitle': '数字底座 · 一网统管',
  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.busy': '正在登录…',
  'shell.signOut': '退出',
  'shell.language': 'English',
  'menu.cockpit': '城市运行驾驶舱',
  'menu.alarms': '告警中心',
  'menu.cases': '案件工作台',
  'menu.dispatch': '指挥调度',
  'menu.devices': '设备管理',
  'menu.rules': '告警规则',
  'menu.audit': '审计日志',
  'menu.users': '用户管理',
  'page.none': '您的账号没有可打开的页面，请联系管理员。',
  'kpi.devicesOnline': '在线设备',
  'kpi.devicesTotal': '共 {n} 台',
  'kpi.alarmsToday': '今日告警',
  'kpi.openCases': '在办案件',
  'kpi.overdue': '超期 {n} 件',
  'kpi.response': '响应率',
  'kpi.resolution': '解决率',
  'kpi.satisfaction': '满意率',
  'kpi.rates': '三率（本月）',
  'severity.RED': '红',
  'severity.ORANGE': '橙',
  'severity.YELLOW': '黄',
  'severity.BLUE': '蓝',
  'map.title': '设备分布',
  'map.type': '设备类型',
  'map.allTypes': '全部类型',
  'map.shown': '视野内 {n} 台',
  'map.devices': '台设备',
  'chart.categories': '本月高发案件类别',
  'chart.dispatched': '派遣',
  'chart.empty': '本月暂无案件',
  'chart.solved': '已解决',
  'live.alarm': '新告警：{title}',
  'error.network': '无法连接服务器，请稍后重试。',
  'error.session': '登录已失效，请重新登录。',
  'error.denied': '没有权限查看此内容。',
  'error.generic': '请求失败（{n}）。',
  'pager.page': '第 {p} / {n} 页',
  'pager.prev': '上一页',
  'pager.next': '下一页',
  'punct.list': '，',
  'punct.enum': '、',
  'punct.parts': '；',
  'punct.aside': '（{text}）',
};

const coreEn: Record<keyof typeof coreZh, string> = {
  'app.title': 'CityOS City Operations',
  'app.subtitle': 'Digital foundation · one-network governance',
  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.busy': 'Signing in…',
  'shell.signOut': 'Sign out',
  'shell.language': '中文',
  'menu.cockpit': 'City cockpit',
  'menu.alarms': 'Alarms',
  'menu.cases': 'Case workbench',
  'menu.dispatch': 'Dispatch desk',
  'menu.devices': 'Devices',
  'menu.rules': 'Alarm rules',
  'menu.audit': 'Audit log',
  'menu.users': 'Users',
  'page.none': 'Your account has no page to open; please ask an administrator.',
  'kpi.devicesOnline': 'Devices online',
  'kpi.devicesTotal': '{n} in total',
  'kpi.alarmsToday': 'Alarms today',
  'kpi.openCases': 'Open cases',
  'kpi.overdue': '{n} overdue',
  'kpi.response': 'Response',
  'kpi.resolution': 'Resolution',
  'kpi.satisfaction': 'Satisfaction',
  'kpi.rates': 'Three rates (this month)',
  'severity.RED': 'Red',
  'severity.ORANGE': 'Orange',
  'severity.YELLOW': 'Yellow',
  'severity.BLUE': 'Blue',
  'map.title': 'Devices',
  'map.type': 'Device type',
  'map.allTypes': 'All types',
  'map.shown': '{n} in view',
  'map.devices': 'devices',
  'chart.categories': 'Top case categories this month',
  'chart.dispatched': 'Dispatched',
  'chart.empty': 'No cases this month',
  'chart.solved': 'Solved',
  'live.alarm': 'New alarm: {title}',
  'error.network': 'Cannot reach the server; try again shortly.',
  'error.session': 'Your session has ended; please sign in again.',
  'error.denied': 'You may not see this.',
  'error.generic': 'The request failed ({n}).',
  'pager.page': 'Page {p} of {n}',
  'pager.prev': 'Previous',
  'pager.next': 'Next',
  'punct.list': ', ',
  'punct.enum': ', ',
  'punct.parts': '; ',
  'punct.aside': ' ({text})',
};

const zh = {
  ...coreZh, ...alarmsZh, ...casesZh, ...caseActionsZh, ...mobileZh, ...rulesZh, ...maptoolsZh, ...devicesZh, ...approvalsZh, ...cockpitZh, ...auditZh, ...usersZh,
};
const en: Record<Key, string> = {
  ...coreEn, ...alarmsEn, ...casesEn, ...caseActionsEn, ...mobileEn, ...rulesEn, ...maptoolsEn, ...devicesEn, ...approvalsEn, ...cockpitEn, ...auditEn, ...usersEn,
};

/** A text's key; pages build some from server codes (`caseStatus.${status}`), which the type still checks. */
export type Key = keyof typeof zh;

const dictionaries: Record<Locale, Record<Key, string>> = { 'zh-CN': zh, en };

export const locale = ref<Locale>((localStorage.getItem('cityos.locale') as Locale) || 'zh-CN');

export function setLocale(next: Locale): void {
  locale.value = next;
  localStorage.setItem('cityos.locale', next);
  document.documentElement.lang = next;
}

/** The text for {@code key} in the current language, with {n}-style placeholders filled. */
export function t(key: Key, args: Record<string, string | number> = {}): string {
  const text = dictionaries[locale.value][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(args[name] ?? ''));
}

export function formatPercent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function formatCount(n: number | null | undefined): string {
  return n == null ? '—' : n.toLocaleString(locale.value);
}

/** The label of a server code such as a case status ({@code caseStatus.REPLIED} → 已反馈), or the code itself. */
export function label(prefix: string, code: string | null | undefined): string {
  if (code == null) return '—';
  return (dictionaries[locale.value] as Record<string, string>)[`${prefix}.${code}`] ?? code;
}
