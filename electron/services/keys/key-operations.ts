import type { Sender } from '../dispatch';
import type { Result } from '../../../shared/api/result';
import { operations } from '../../../shared/api/contract';
import type { ServerSettings } from '../store/server-check';
import { englishText } from '../core/error-catalogue';
import { KeyError } from './key-errors';
import { createKeys, openKeys } from './keyring';
import type { Launch } from './launch-state';
import { recoverClinic } from './recover-clinic';
import { checkServerFor, connectToServer } from './server-connection';
import { changeableServer, changeServer, recordConnection, retryServer } from './server-startup';

/** The operations the launcher answers itself: before the services exist, or to start them. */
export const KEY_OPERATIONS = new Set([
  'keys.status',
  'keys.create',
  'keys.unlock',
  'keys.recover',
  'keys.checkServer',
  'keys.connectServer',
  'keys.retryServer',
]);

function fail(
  code: 'VALIDATION' | 'CONFLICT' | 'LOCKED' | 'BAD_SENDER' | 'INTERNAL',
  message: string,
  fields?: Record<string, string>,
): Result<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

/** A refusal with its catalogue text, so the window words it (and its field) in its language. */
function refusal(error: KeyError): Result<never> {
  const failed = fail(
    'VALIDATION',
    error.message,
    error.field ? { [error.field]: error.message } : undefined,
  );
  const text = error.text;
  if (failed.ok || !text) return failed;
  return {
    ok: false,
    error: {
      ...failed.error,
      key: text.key,
      ...(text.params ? { params: text.params } : {}),
      ...(error.field ? { fieldKeys: { [error.field]: text } } : {}),
    },
  };
}

export function fromSender(sender: Sender, origin: string): boolean {
  try {
    const url = new URL(sender.url);
    return sender.isMainFrame && `${url.protocol}//${url.host}` === origin;
  } catch {
    return false;
  }
}

/** One keys.* operation: the window's own frame, its input checked, a typed refusal. */
export async function dispatchKeys(
  launch: Launch,
  sender: Sender,
  operation: string,
  input: unknown,
): Promise<Result<unknown>> {
  if (!fromSender(sender, launch.options.trustedOrigin)) {
    return fail('BAD_SENDER', 'This request did not come from the Mesochart window');
  }
  const def = operations[operation as 'keys.recover'];
  const parsed = def.input.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    return fail('VALIDATION', 'Some fields need attention', fields);
  }
  try {
    return {
      ok: true,
      value: await handleKeys(launch, operation, parsed.data as Record<string, string | null>),
    };
  } catch (error) {
    if (error instanceof KeyError) return refusal(error);
    console.error(
      '[mesochart] opening the clinic failed:',
      error instanceof Error ? error.name : typeof error,
    );
    const text = { key: 'errors.keys.openingFailed' } as const;
    return { ok: false, error: { code: 'INTERNAL', message: englishText(text), key: text.key } };
  }
}

async function handleKeys(
  launch: Launch,
  name: string,
  input: Record<string, string | null>,
): Promise<unknown> {
  switch (name) {
    case 'keys.checkServer': {
      // At first run, or to change the connection of a server that cannot be opened.
      const keys = changeableServer(launch) ?? launch.notSetUp();
      return checkServerFor(input as unknown as ServerSettings, keys);
    }
    case 'keys.connectServer': {
      const settings = input as unknown as ServerSettings;
      const waiting = changeableServer(launch);
      if (waiting) {
        await changeServer(launch, waiting, settings);
        return launch.status();
      }
      const opened = launch.notSetUp();
      const { dataDir, options } = launch;
      await connectToServer(dataDir, settings, options.secretStore, opened, () =>
        launch.restart(opened),
      );
      if (launch.services) await recordConnection(launch.services, null, settings, launch.now());
      return launch.status();
    }
    case 'keys.retryServer':
      await retryServer(launch);
      return launch.status();
    case 'keys.create': {
      if (launch.state.state !== 'new') {
        throw new KeyError('exists', { key: 'errors.keys.alreadyHasKeys' });
      }
      const passphrase = input.passphrase ?? '';
      const made = await createKeys(
        launch.dataDir,
        { kind: 'passphrase', passphrase },
        launch.options.kdf,
      );
      launch.pending = made.recoveryKey;
      await launch.start(made.keys);
      return launch.status();
    }
    case 'keys.unlock': {
      if (launch.state.state !== 'locked' || launch.state.method !== 'passphrase') {
        throw new KeyError('wrong-passphrase', { key: 'errors.keys.notWaitingPassphrase' });
      }
      const passphrase = input.passphrase ?? '';
      await launch.start(await openKeys(launch.dataDir, { kind: 'passphrase', passphrase }));
      return launch.status();
    }
    case 'keys.recover': {
      // The folder is a token from the main process's folder dialog, never a typed path.
      let folder: string | null = null;
      if (input.folder) {
        try {
          folder = launch.fileTokens.takeOne('clinic-folder', input.folder, 'folder');
        } catch (error) {
          throw new KeyError('missing-key-file', (error as Error).message, 'folder');
        }
      }
      await recoverClinic(launch, input.recoveryKey ?? '', folder, input.passphrase ?? '');
      return launch.status();
    }
    default:
      return launch.status();
  }
}
