import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../electron/main/external-links';

describe('external links', () => {
  it('opens only parsed https links to allowed hosts', () => {
    expect(isAllowedExternalUrl('https://mesochart.app/help/backups')).toBe(true);
    for (const url of [
      'http://mesochart.app/',
      'https://mesochart.app.evil.example/',
      'https://evil.example/?https://mesochart.app',
      'https://user:pw@mesochart.app/',
      'https://mesochart.app:8443/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://mesochart/index.html',
      'not a url',
      '',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
