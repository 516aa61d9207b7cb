/**
 * Links the app may hand to the system browser. Parsed, never pattern-matched as text, so
 * `https://evil.example/?mesochart.app` or `javascript:` cannot slip through.
 */
const ALLOWED_HOSTS = new Set(['mesochart.app', 'www.mesochart.app']);

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    ALLOWED_HOSTS.has(url.hostname)
  );
}
