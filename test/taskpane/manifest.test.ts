/**
 * The add-in manifest, checked offline (`npm run validate` asks Microsoft's
 * online service, which CI cannot reach): well-formed XML, elements in the
 * order the OfficeApp schema requires, the required elements present, a GUID
 * id, https addresses only, resource ids that resolve, and the icons it names
 * present at the sizes it says.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';

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

const manifest = parse(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
const overrides = child(manifest, 'VersionOverrides');
const resources = child(overrides, 'Resources');
const resourceIds = new Map(all(resources).filter((e) => e.attributes.id).map((e) => [e.attributes.id, e]));

test('is an Excel task pane add-in that may read and write the workbook', () => {
  expect(manifest.name).toBe('OfficeApp');
  expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
  expect(child(child(manifest, 'Hosts'), 'Host').attributes.Name).toBe('Workbook');
  expect(child(manifest, 'Permissions').text.trim()).toBe('ReadWriteDocument');
  expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue).toBe('https://localhost:3000/taskpane.html');
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
  const urls = all(manifest).flatMap((e) => {
    if (e.name === 'AppDomain') return [e.text.trim()];
    const value = e.attributes.DefaultValue;
    return value && /^[a-z]+:\/\//i.test(value) ? [value] : [];
  });
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
  const iconFile = (url: string) => path.join(ROOT, 'assets', new URL(url).pathname.replace(/^\/assets\//, ''));
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

test('a manifest that is not well-formed is refused', () => {
  expect(() => parse('<OfficeApp><Id>x</OfficeApp>')).toThrow();
});
