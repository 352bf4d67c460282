/**
 * The shared-string table reads every item's text, however each is written:
 * items spelt <si><t>text</t></si> (read from their characters) mixed with
 * attributes, white space, rich text runs, phonetic guides, CDATA and a
 * namespace prefix (read by the cursor), in any order.
 */
import fc from 'fast-check';
import { readSharedStrings } from '../../../src/adapters/file/package/shared-strings';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Ways to write an item holding `text`, with the prefix p ("" or "x:"). */
const SPELLINGS = [
  (text: string) => `<si><t>${escape(text)}</t></si>`,
  (text: string) => `<si><t>${escape(text)}</t></si>`,
  (text: string) => `<si><t xml:space="preserve">${escape(text)}</t></si>`,
  (text: string) => `\n  <si>\n    <t>${escape(text)}</t>\n  </si>`,
  (text: string) => `<si><r><rPr><b/></rPr><t>${escape(text.slice(0, 2))}</t></r><r><t>${escape(text.slice(2))}</t></r></si>`,
  (text: string) => `<si><t>${escape(text)}</t><rPh sb="0" eb="1"><t>guide</t></rPh></si>`,
  (text: string) => (text.includes(']]>') ? `<si><t>${escape(text)}</t></si>` : `<si><t><![CDATA[${text}]]></t></si>`),
  (text: string) => (text === '' ? '<si><t/></si>' : `<si><t>${escape(text)}</t></si>`),
];

const text = fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', '&', '"', 'é', '€', '😀', ' '), fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code))), maxLength: 10 });

function sst(items: string[], prefix: boolean): string {
  const body = items.join('');
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">${body}</sst>`;
  return prefix ? xml.replace(/<(\/?)(sst|si|t|r|rPr|b|rPh)\b/g, '<$1x:$2').replace('<x:sst xmlns=', '<x:sst xmlns:x=') : xml;
}

describe('the shared-string table', () => {
  it('gives every item its text, whichever way each is written', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.nat(SPELLINGS.length - 1)), { maxLength: 12 }), fc.boolean(), (items, prefix) => {
        const xml = sst(items.map(([t, how]) => SPELLINGS[how](t)), prefix);
        expect(readSharedStrings(xml, 'xl/sharedStrings.xml')).toEqual(items.map(([t]) => t));
      }),
      { numRuns: 500 },
    );
  });

  it('reads entities in plain items', () => {
    const xml = sst(['<si><t>before</t></si>', '<si><t>Fish &amp; chips &#8211; &lt;b&gt; &#x2014;</t></si>', '<si><t></t></si>', '<si><t>after</t></si>'], false);
    expect(readSharedStrings(xml, 'xl/sharedStrings.xml')).toEqual(['before', 'Fish & chips \u2013 <b> \u2014', '', 'after']);
  });
});
