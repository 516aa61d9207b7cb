import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import {
  isPatientModeEscape,
  PATIENT_MODE_BLOCKED_COMMANDS,
  type PatientModeState,
} from './patient-guard';

/** While the patient holds the tablet: zoom and text editing only, no reload or developer tools. */
function tabletMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }],
    },
  ];
  return Menu.buildFromTemplate(template);
}

/**
 * Keeps the window on the tablet screen while the services hold patient mode: key presses and
 * mouse buttons that would reload, go back or forward, or open the developer tools are dropped,
 * navigations refused, the back history cleared and the menu reduced to zoom and editing. Even
 * past all of this, a reloaded window asks the services and comes back to the tablet screen.
 */
export function holdPatientMode(win: BrowserWindow, mode: PatientModeState): void {
  const staffMenu = Menu.getApplicationMenu();
  win.webContents.on('before-input-event', (event, input) => {
    if (mode.active && isPatientModeEscape(input)) event.preventDefault();
  });
  win.on('app-command', (event, command) => {
    if (mode.active && PATIENT_MODE_BLOCKED_COMMANDS.has(command)) event.preventDefault();
  });
  win.webContents.on('will-navigate', (event) => {
    if (mode.active) event.preventDefault();
  });
  mode.onChange((active) => {
    Menu.setApplicationMenu(active ? tabletMenu() : staffMenu);
    if (active) {
      win.webContents.navigationHistory.clear();
      if (win.webContents.isDevToolsOpened()) win.webContents.closeDevTools();
    }
  });
}
