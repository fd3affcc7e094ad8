import { expect, test } from '@playwright/test';
import { DEMO_NODES } from '../sim/fleet/demo-layout';

/** Things that do not exist answer 404; oversized and hostile pastes get clear words, in the browser and from the server. */
const node = DEMO_NODES.kubeadmClean[0];
const configPath = '/var/lib/kubelet/config.yaml';

test('pages for things that do not exist answer HTTP 404', async ({ page }) => {
  for (const [path, text] of [
    ['/nodes/does-not-exist', 'Node not found'],
    ['/nodes/..%2F..%2Fapi%2Fv1%2Fsecrets', 'Node not found'],
    ['/nodes/does-not-exist/explain', 'Node not found'],
    ['/csrs/does-not-exist', 'CSR not found'],
  ] as const) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: text })).toBeVisible();
  }
  expect((await page.goto(`/nodes/${node}`))?.status()).toBe(200);
  expect((await page.request.get('/api/nodes/does-not-exist/pods')).status()).toBe(404);
});

test('a 5 MB paste is refused in the browser before anything is sent', async ({ page }) => {
  await page.goto(`/nodes/${node}/explain`);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/explain') && r.method() === 'POST') sent.push(r.url());
  });
  const area = page.getByLabel(`Contents of ${configPath}`);
  await area.evaluate((el) => {
    // what a paste does, without typing 5 MB: set the value and tell React
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setter?.call(el, `kind: KubeletConfiguration\n# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.getByTestId('input-too-large')).toHaveText(
    `${configPath} is too large: 5,121 KiB (limit 64 KiB); it is not sent.`,
  );
  await expect(page.getByRole('button', { name: 'Explain', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Explain', exact: true }).click({ force: true });
  expect(sent).toEqual([]);
});

test("the server's 413 and 422 are shown in its own words", async ({ page }) => {
  await page.goto(`/nodes/${node}/explain`);
  await page.getByLabel(`Contents of ${configPath}`).fill('kind: KubeletConfiguration\nmaxPods: 50\n');
  // A client that does not check (an old tab, a script) sends 5 MB: the server's 413 must reach the user as it is.
  await page.route('**/explain', (route) =>
    route.continue({
      postData: JSON.stringify({ inputs: [{ kind: 'auto', path: 'x', content: 'x'.repeat(5 * 1024 * 1024) }] }),
    }),
  );
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not explain the config' });
  await expect(alert).toContainText('Request refused');
  await expect(alert).toContainText('Request too large: 5,121 KiB (limit 400 KiB).');
  await expect(alert).not.toContainText('Server error');
  await page.unroute('**/explain');

  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++)
    bomb.push(
      `l${i}: &l${i} [${Array(9)
        .fill(i === 1 ? '*a' : `*l${i - 1}`)
        .join(',')}]`,
    );
  await page.getByLabel(`Contents of ${configPath}`).fill(bomb.join('\n'));
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(alert).toContainText('Invalid input');
  await expect(alert).toContainText(`Refused: ${configPath} uses more than 32 aliases`);
});
