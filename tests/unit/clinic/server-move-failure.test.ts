import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../../../renderer/src/i18n/index';
import { failureText } from '../../../renderer/src/lib/error-text';
import { moveToServer, ServerMoveError } from '../../../electron/services/store/server-move';

const empty = mkdtempSync(path.join(tmpdir(), 'move-nothing-'));
afterAll(async () => {
  rmSync(empty, { recursive: true, force: true });
  await i18n.changeLanguage('en');
});

describe("a move to a server that fails says why in the reader's language", () => {
  it('a folder without a clinic: the English for the log, the key and folder for the screens', async () => {
    const error = await moveToServer({
      dataDir: empty,
      auditKey: Buffer.alloc(32),
      ownerUrl: 'postgres://nobody@127.0.0.1:1/none',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerMoveError);
    const { message, text } = error as ServerMoveError;
    expect(message).toBe(`No Mesochart data in ${empty}.`);
    expect(text).toEqual({ key: 'errors.clinic.move.noData', params: { folder: empty } });
    await i18n.changeLanguage('tr');
    expect(failureText(text, message)).toBe(`${empty} içinde Mesochart verisi yok.`);
  });
});
