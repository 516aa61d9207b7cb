import { BackupError } from '../services/backup/archive';

const ENV = 'MESOCHART_BACKUP_PASSPHRASE';

/** Reads one line from a terminal in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let value = '';
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new BackupError('invalid-path', 'Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on('data', onData);
  });
}

/**
 * A passphrase from the environment (for scripts; the backup passphrase unless `env` names
 * another variable) or asked for on a terminal. Never taken from the command line, where it
 * would show in the process list and shell history.
 */
export async function readPassphrase(
  question: string,
  options: { confirm?: boolean; env?: string } = {},
): Promise<string> {
  const env = options.env ?? ENV;
  const fromEnv = process.env[env];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new BackupError('invalid-path', `Set ${env} or run this from a terminal to type it.`);
  }
  const first = await promptHidden(question);
  if (options.confirm && (await promptHidden('Repeat the passphrase: ')) !== first) {
    throw new BackupError('invalid-path', 'The two passphrases differ; nothing was done.');
  }
  return first;
}
