/**
 * The shared-string table reads every item's text, however each is written:
 * items spelt <si><t>text</t></si> (read from their characters) mixed with
 * attributes, white space, rich text runs, phonetic guides, CDATA and a
 * namespace prefix (read by the cursor), in any order.
 */
import fc from 'fast-check';
import { readSharedStrings } from '../../../src/adapters/file/package/shared-strings';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Ways to write an item holding `text`, its elements with the prefix p ("" or "x:"). */
const SPELLINGS = [
  (text: string, p: string) => `<${p}si><${p}t>${escape(text)}</${p}t></${p}si>`,
  (text: string, p: string) => `<${p}si><${p}t>${escape(text)}</${p}t></${p}si>`,
  (text: string, p: string) => `<${p}si><${p}t xml:space="preserve">${escape(text)}</${p}t></${p}si>`,
  (text: string, p: string) => `\n  <${p}si>\n    <${p}t>${escape(text)}</${p}t>\n  </${p}si>`,
  (text: string, p: string) =>
    `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>${escape(text.slice(0, 2))}</${p}t></${p}r><${p}r><${p}t>${escape(text.slice(2))}</${p}t></${p}r></${p}si>`,
  (text: string, p: string) => `<${p}si><${p}t>${escape(text)}</${p}t><${p}rPh sb="0" eb="1"><${p}t>guide</${p}t></${p}rPh></${p}si>`,
  (text: string, p: string) => (text.includes(']]>') ? `<${p}si><${p}t>${escape(text)}</${p}t></${p}si>` : `<${p}si><${p}t><![CDATA[${text}]]></${p}t></${p}si>`),
  (text: string, p: string) => (text === '' ? `<${p}si><${p}t/></${p}si>` : `<${p}si><${p}t>${escape(text)}</${p}t></${p}si>`),
];

const text = fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', '&', '"', 'é', '€', '😀', ' '), fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code))), maxLength: 10 });

function sst(items: string[], p = ''): string {
  const xmlns = p ? `xmlns:${p.slice(0, -1)}` : 'xmlns';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${xmlns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">${items.join('')}</${p}sst>`;
}

describe('the shared-string table', () => {
  it('gives every item its text, whichever way each is written', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.nat(SPELLINGS.length - 1)), { maxLength: 12 }), fc.constantFrom('', 'x:'), (items, p) => {
        const xml = sst(items.map(([t, how]) => SPELLINGS[how](t, p)), p);
        expect(readSharedStrings(xml, 'xl/sharedStrings.xml')).toEqual(items.map(([t]) => t));
      }),
      { numRuns: 500 },
    );
  });

  it('reads entities in plain items', () => {
    const xml = sst(['<si><t>before</t></si>', '<si><t>Fish &amp; chips &#8211; &lt;b&gt; &#x2014;</t></si>', '<si><t></t></si>', '<si><t>after</t></si>']);
    expect(readSharedStrings(xml, 'xl/sharedStrings.xml')).toEqual(['before', 'Fish & chips \u2013 <b> \u2014', '', 'after']);
  });
});
