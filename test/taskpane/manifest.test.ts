/**
 * The add-in manifests, the development one (manifest.xml) and the production
 * one `npm run build` makes from it for the configured base URL, checked
 * offline (`npm run validate` asks Microsoft's online service, which CI cannot
 * reach, and no package ships the schema files): well-formed XML, elements in
 * the order the OfficeApp schema requires, the required elements present, a
 * GUID id, https addresses only, resource ids that resolve, and the icons it
 * names present at the sizes it says. The production one names no local
 * address: every address is under the base URL.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { configuredBaseUrl, normaliseBaseUrl, productionManifest } from '../../production-manifest';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ROOT = path.resolve(__dirname, '../..');

function parse(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

function all(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(all)];
}

/** True when the children's names follow `order` (each may repeat or be absent) and nothing else appears. */
function inOrder(element: XmlElement, order: string[]): boolean {
  let at = 0;
  for (const c of element.children) {
    const i = order.indexOf(c.name);
    if (i < at) return false;
    at = i;
  }
  return true;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const DEV_MANIFEST = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
/** Where the add-in is served from, as the manifest's addresses say. */
const DEV_BASE = 'https://localhost:3000/';
const BASE = normaliseBaseUrl(configuredBaseUrl({}));
const SUBFOLDER_BASE = 'https://council.github.io/ragbook/';

/** Every address the manifest gives: attribute values and app domains. */
function addresses(manifest: XmlElement): string[] {
  return all(manifest).flatMap((e) => {
    if (e.name === 'AppDomain') return [e.text.trim()];
    const value = e.attributes.DefaultValue;
    return value && /^[a-z]+:\/\//i.test(value) ? [value] : [];
  });
}

describe.each([
  ['development manifest (manifest.xml)', DEV_MANIFEST, DEV_BASE],
  ['production manifest, for the configured base URL', productionManifest(DEV_MANIFEST, BASE), BASE],
  ['production manifest, served from a subfolder', productionManifest(DEV_MANIFEST, SUBFOLDER_BASE), SUBFOLDER_BASE],
])('the %s', (_name, xml, base) => {
  const manifest = parse(xml);
  const overrides = child(manifest, 'VersionOverrides');
  const resources = child(overrides, 'Resources');
  const resourceIds = new Map(all(resources).filter((e) => e.attributes.id).map((e) => [e.attributes.id, e]));


  test('is an Excel task pane add-in that may read and write the workbook', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(child(child(manifest, 'Hosts'), 'Host').attributes.Name).toBe('Workbook');
    expect(child(manifest, 'Permissions').text.trim()).toBe('ReadWriteDocument');
    expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue).toBe(`${base}taskpane.html`);
  });

  test('has every required element, in the order the schema gives', () => {
    const order = [
      'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
      'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides',
    ];
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'Hosts', 'DefaultSettings', 'Permissions']) {
      expect(manifest.children.map((c) => c.name)).toContain(required);
    }
    expect(inOrder(manifest, order)).toBe(true);
    expect(inOrder(overrides, ['Description', 'Requirements', 'Hosts', 'Resources'])).toBe(true);
    const desktop = child(child(child(overrides, 'Hosts'), 'Host'), 'DesktopFormFactor');
    expect(inOrder(desktop, ['GetStarted', 'FunctionFile', 'ExtensionPoint'])).toBe(true);
    const group = child(child(child(desktop, 'ExtensionPoint'), 'OfficeTab'), 'Group');
    expect(inOrder(group, ['Label', 'Icon', 'Control'])).toBe(true);
    expect(inOrder(child(group, 'Control'), ['Label', 'Supertip', 'Icon', 'Action'])).toBe(true);
    expect(inOrder(resources, ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'])).toBe(true);
  });

  test('has a GUID id and a four-part version', () => {
    expect(child(manifest, 'Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(manifest, 'Version').text.trim()).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
  });

  test('declares the Excel API set the adapter needs (1.9: page layout, screen updating)', () => {
    const set = child(child(child(manifest, 'Requirements'), 'Sets'), 'Set');
    expect(set.attributes).toEqual({ Name: 'ExcelApi', MinVersion: '1.9' });
  });

  test('every address is https', () => {
    const urls = addresses(manifest);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  test('every resid names a resource, ids are unique and short, strings within their limits', () => {
    const resids = all(manifest).map((e) => e.attributes.resid).filter(Boolean);
    for (const resid of resids) expect(resourceIds.has(resid)).toBe(true);
    const ids = all(resources).map((e) => e.attributes.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    for (const s of child(resources, 'bt:ShortStrings').children) expect(s.attributes.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const s of child(resources, 'bt:LongStrings').children) expect(s.attributes.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  test('the icons named exist in assets/ at the sizes stated', () => {
    const iconFile = (url: string) => {
      expect(url.startsWith(`${base}assets/`)).toBe(true);
      return path.join(ROOT, 'assets', url.slice(`${base}assets/`.length));
    };
    const stated: [string, number][] = [
      [child(manifest, 'IconUrl').attributes.DefaultValue, 32],
      [child(manifest, 'HighResolutionIconUrl').attributes.DefaultValue, 64],
    ];
    for (const image of all(overrides).filter((e) => e.name === 'bt:Image' && e.attributes.resid)) {
      stated.push([resourceIds.get(image.attributes.resid)!.attributes.DefaultValue, Number(image.attributes.size)]);
    }
    expect(new Set(stated.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of stated) {
      const file = iconFile(url);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test('every address is under its base URL; the app domain is its origin', () => {
    const origin = new URL(base).origin;
    for (const url of addresses(manifest)) expect(url === origin || url.startsWith(base)).toBe(true);
    expect(child(child(manifest, 'AppDomains'), 'AppDomain').text.trim()).toBe(origin);
  });
});

test('a manifest that is not well-formed is refused', () => {
  expect(() => parse('<OfficeApp><Id>x</OfficeApp>')).toThrow();
});

test('the production manifest names no local address, and differs from the development one only in addresses and its comment', () => {
  const production = productionManifest(DEV_MANIFEST, BASE);
  expect(production).not.toMatch(/localhost|127\.0\.0\.1/);
  const withoutAddresses = (xml: string, base: string) =>
    xml.replace(/<!--[\s\S]*?-->\s*/g, '').split(base).join('BASE/').split(new URL(base).origin).join('ORIGIN');
  expect(withoutAddresses(production, BASE)).toBe(withoutAddresses(DEV_MANIFEST, DEV_BASE));
});

test('RAGBOOK_BASE_URL overrides package.json; an address that cannot serve an add-in stops the build with its reason', () => {
  expect(configuredBaseUrl({ RAGBOOK_BASE_URL: 'https://addins.council.gov.uk/ragbook' })).toBe('https://addins.council.gov.uk/ragbook');
  expect(normaliseBaseUrl('https://addins.council.gov.uk/ragbook')).toBe('https://addins.council.gov.uk/ragbook/');
  expect(() => productionManifest(DEV_MANIFEST, 'http://addins.council.gov.uk/')).toThrow('must start with https://');
  expect(() => productionManifest(DEV_MANIFEST, 'https://localhost:8443/')).toThrow('is this computer');
  expect(() => productionManifest(DEV_MANIFEST, 'https://addins.council.gov.uk/?v=2')).toThrow('plain folder address');
  expect(() => productionManifest(DEV_MANIFEST, 'addins.council.gov.uk')).toThrow('is not a web address');
});
