// The demo server's static side: the shop pages and the built SDK, and nothing outside them.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { useDemo } from './demo';
import { storeUnderTest } from './support/test-store';

const demo = useDemo();

/** GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(demo.server.url);
    http
      .get({ hostname, port, path }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

// The demo server's own behaviour, with no store involved: run once, in the SQLite project.
describe.runIf(storeUnderTest === 'sqlite')('static server', () => {
  it('serves the shop and the built SDK folder with the right content types', async () => {
    const shop = await fetch(demo.url('/shop/'));
    expect(shop.status).toBe(200);
    expect(shop.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await shop.text()).toContain('/dist/earshot.min.js');

    const css = await fetch(demo.url('/shop/shop.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const js = await fetch(demo.url('/shop/earshot-setup.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('redirects a folder without its trailing slash', async () => {
    const res = await fetch(demo.url('/shop'), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/shop/');
  });

  it('answers 404 for missing files', async () => {
    expect((await fetch(demo.url('/shop/nope.html'))).status).toBe(404);
    expect((await fetch(demo.url('/dist/nope.js'))).status).toBe(404);
  });

  it('serves an import map only the build and the packages it imports, under node_modules', async () => {
    const lit = await fetch(demo.url('/node_modules/lit/index.js'));
    expect(lit.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await lit.text()).toContain('lit-element/lit-element.js');
    expect((await fetch(demo.url('/node_modules/earshot/dist/earshot.js'))).status).toBe(200);
    expect((await fetch(demo.url('/node_modules/vitest/package.json'))).status).toBe(404);
    expect((await fetch(demo.url('/node_modules/earshot/package.json'))).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/node_modules/lit/../vitest/package.json',
    '/node_modules/lit/%2e%2e/vitest/package.json',
    '/shop/../../package.json',
    '/%2e%2e/package.json',
    '/dist/../package.json',
    '/dist/%2e%2e/package.json',
    '/dist/..%2fpackage.json',
    '/..%5cpackage.json',
    '/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/collector/data/earshot.sqlite',
  ])('does not serve %s from outside its roots', async (path) => {
    const res = await rawGet(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('"devDependencies"');
    expect(res.body).not.toContain('root:');
  });
});
