// The browser host answers only its own page: API calls need the launch token and a matching
// Origin, and document text never reaches the page as HTML.
import { expect, test } from './browser-host';

test('API calls without the token, with a wrong one, or from a foreign origin are refused', async ({
  request,
  host,
}) => {
  const token = new URL(host.url).searchParams.get('token') ?? '';
  const call = (headers: Record<string, string>) =>
    request.post(`${host.origin}/api/listReviews`, { headers, data: {} });

  expect((await call({ 'Content-Type': 'application/json' })).status()).toBe(403);
  expect(
    (await call({ 'Content-Type': 'application/json', 'X-Crosscheck-Token': 'wrong' })).status(),
  ).toBe(403);
  expect(
    (
      await call({
        'Content-Type': 'application/json',
        'X-Crosscheck-Token': token,
        Origin: 'http://evil.example',
      })
    ).status(),
  ).toBe(403);
  const allowed = await call({ 'Content-Type': 'application/json', 'X-Crosscheck-Token': token });
  expect(allowed.status()).toBe(200);
  expect(await allowed.json()).toMatchObject({ ok: true, value: { reviews: [] } });
});

test('the page is served with a strict content security policy', async ({ request, host }) => {
  const response = await request.get(host.url);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
});
