/** One entry of the shell's menu, shown only to users holding its permission. */
export interface MenuItem {
  route: string;
  label:
    | 'menu.cockpit' | 'menu.alarms' | 'menu.cases' | 'menu.dispatch' | 'menu.approvals' | 'menu.supervision' | 'menu.mobile'
    | 'menu.devices' | 'menu.rules' | 'menu.map' | 'menu.audit' | 'menu.users';
  permission: string;
}

export const MENU: MenuItem[] = [
  { route: 'cockpit', label: 'menu.cockpit', permission: 'CASE_REPORT' },
  { route: 'alarms', label: 'menu.alarms', permission: 'ALARM_READ' },
  { route: 'cases', label: 'menu.cases', permission: 'CASE_HANDLE' },
  { route: 'dispatch', label: 'menu.dispatch', permission: 'CASE_DISPATCH' },
  // Extensions are decided with CASE_DISPATCH, appeals with CASE_SUPERVISE: the page lists what the user may decide.
  { route: 'approvals', label: 'menu.approvals', permission: 'CASE_SUPERVISE' },
  { route: 'supervision', label: 'menu.supervision', permission: 'CASE_SUPERVISE' },
  { route: 'm', label: 'menu.mobile', permission: 'CASE_INTAKE' },
  // Readers see the registry, inventory and device pages; the import tab and commands need DEVICE_WRITE.
  { route: 'devices', label: 'menu.devices', permission: 'DEVICE_READ' },
  { route: 'rules', label: 'menu.rules', permission: 'RULE_WRITE' },
  // Auditors read the trail; verifying the chain (AUDIT_VERIFY) is a button on the page.
  { route: 'audit', label: 'menu.audit', permission: 'AUDIT_READ' },
  // Readers see the list; creating users, resetting passwords and unlocking need USER_WRITE.
  { route: 'users', label: 'menu.users', permission: 'USER_READ' },
  // Last: nearly everyone may read the map, and the first item a user holds is their home page.
  { route: 'map', label: 'menu.map', permission: 'DIVISION_READ' },
];

/** Pages reached by links rather than the menu (a device from an alarm, a case from anywhere). */
const LINKED: Record<string, string> = { device: 'DEVICE_READ', case: 'CASE_READ' };

/** The menu a user with these permissions sees, in the fixed order above. */
export function menuFor(permissions: readonly string[]): MenuItem[] {
  const held = new Set(permissions);
  return MENU.filter((item) => held.has(item.permission));
}

/** A hash route split into its page and the rest: {@code #/case/cas_123} → {@code {page: 'case', param: 'cas_123'}}. */
export function parseRoute(hash: string): { page: string; param: string } {
  const path = hash.replace(/^#?\/?/, '');
  const slash = path.indexOf('/');
  return slash < 0 ? { page: path, param: '' } : { page: path.slice(0, slash), param: decodeURIComponent(path.slice(slash + 1)) };
}

/**
 * Whether the page being opened should start the map's background worker at once (MapLibre's prewarm): every desk
 * page leads to a map within a click or two, and the sign-in page leads to the cockpit; the grid worker's phone page
 * draws at most a small case map, and on a phone the worker would cost battery for nothing.
 */
export function warmsMaps(hash: string): boolean {
  return parseRoute(hash).page !== 'm';
}

/** Whether a user may open a page at all: menu pages by their item's permission, linked pages by theirs. */
export function mayOpen(page: string, permissions: readonly string[]): boolean {
  const needed = MENU.find((m) => m.route === page)?.permission ?? LINKED[page];
  return needed != null && permissions.includes(needed);
}

/**
 * Where a user lands after signing in: a grid worker on the phone page, an auditor on the audit log (even one who
 * also holds a desk role), everyone else on the first menu item.
 */
export function homeRoute(roles: readonly string[], permissions: readonly string[]): string {
  if (roles.includes('GRID_WORKER') && mayOpen('m', permissions)) return 'm';
  if (roles.includes('AUDITOR') && mayOpen('audit', permissions)) return 'audit';
  return menuFor(permissions)[0]?.route ?? '';
}
