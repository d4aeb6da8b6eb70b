/** One entry of the shell's menu, shown only to users holding its permission. */
export interface MenuItem {
  route: string;
  label: 'menu.cockpit' | 'menu.alarms' | 'menu.cases' | 'menu.dispatch' | 'menu.devices' | 'menu.rules' | 'menu.audit' | 'menu.users';
  permission: string;
}

export const MENU: MenuItem[] = [
  { route: 'cockpit', label: 'menu.cockpit', permission: 'CASE_REPORT' },
  { route: 'alarms', label: 'menu.alarms', permission: 'ALARM_READ' },
  { route: 'cases', label: 'menu.cases', permission: 'CASE_HANDLE' },
  { route: 'dispatch', label: 'menu.dispatch', permission: 'CASE_DISPATCH' },
  { route: 'devices', label: 'menu.devices', permission: 'DEVICE_WRITE' },
  { route: 'rules', label: 'menu.rules', permission: 'RULE_WRITE' },
  { route: 'audit', label: 'menu.audit', permission: 'AUDIT_READ' },
  { route: 'users', label: 'menu.users', permission: 'USER_WRITE' },
];

/** The menu a user with these permissions sees, in the fixed order above. */
export function menuFor(permissions: readonly string[]): MenuItem[] {
  const held = new Set(permissions);
  return MENU.filter((item) => held.has(item.permission));
}
