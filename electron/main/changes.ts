import { BrowserWindow } from 'electron';
import { CHANGES_CHANNEL, type WindowChange } from '../../shared/api/changes';
import type { ClinicLauncher } from '../services/keys/launcher';
import { APP_ORIGIN } from './security';

/**
 * Sends each committed change to every window showing our own pages, so the Today page and the
 * diary refresh when another desk books (on a clinic server the same feed hears the other
 * computers). A window showing anything else hears nothing; only ids and prefixes are sent.
 */
export function forwardChanges(clinic: ClinicLauncher): () => void {
  return clinic.onChange((change) => {
    const message: WindowChange = { domains: change.domains, patientIds: change.patientIds };
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      if (contents.isDestroyed() || !contents.getURL().startsWith(`${APP_ORIGIN}/`)) continue;
      contents.send(CHANGES_CHANNEL, message);
    }
  });
}
