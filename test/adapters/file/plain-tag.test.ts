/**
 * The scanner the reader and the patcher share for rows and cells written
 * the usual way: where each part of a tag or cell lies, and -1 for every
 * other spelling (which the XML cursor then reads).
 */
import { PlainTag } from '../../../src/adapters/file/package/plain-tag';

function scanned(xml: string, from = 0) {
  const tag = new PlainTag();
  const end = tag.cell(xml, from);
  const part = (start: number, stop: number) => (start < 0 ? undefined : xml.slice(start, stop));
  return end < 0
    ? undefined
    : { end, start: tag.start, ref: part(tag.ref, tag.refEnd), style: part(tag.style, tag.styleEnd), type: part(tag.type, tag.typeEnd), close: xml[tag.tagClose], text: part(tag.text, tag.textEnd) };
}

describe('PlainTag', () => {
  it('finds a row start tag and its r among other attributes, self-closing or not', () => {
    const tag = new PlainTag();
    const xml = '\n <row spans="1:3" r="12"\tx14ac:dyDescent="0.25"><c r="A12"/></row><row r="13"/>';
    const end = tag.startTag(xml, 0, 'row');
    expect(xml.slice(tag.start, end)).toBe('<row spans="1:3" r="12"\tx14ac:dyDescent="0.25">');
    expect(xml.slice(tag.ref, tag.refEnd)).toBe('12');
    const next = xml.indexOf('<row r="13"');
    expect(tag.startTag(xml, next, 'row')).toBe(xml.length);
    expect(xml[tag.tagClose]).toBe('/');
    expect(tag.startTag(xml, xml.indexOf('<c '), 'row')).toBe(-1);
    expect(tag.startTag('<rows r="1">', 0, 'row')).toBe(-1);
  });

  it('finds the parts of the usual cell, after white space, with the attributes in any order', () => {
    const xml = '\n  <c t="s" s="12" r="AB10"><v>7</v></c><c r="AB11"/>';
    expect(scanned(xml)).toEqual({ end: xml.indexOf('<c r="AB11"'), start: 3, ref: 'AB10', style: '12', type: 's', close: '>', text: '7' });
    expect(scanned(xml, xml.indexOf('<c r="AB11"'))).toEqual({ end: xml.length, start: xml.indexOf('<c r="AB11"'), ref: 'AB11', style: undefined, type: undefined, close: '/', text: undefined });
  });

  it('steps over other attributes and takes an empty cell written <c></c>', () => {
    const xml = '<c r="B2" cm="1" x14ac:dyDescent="0.25" s="3"></c>';
    expect(scanned(xml)).toEqual({ end: xml.length, start: 0, ref: 'B2', style: '3', type: undefined, close: '>', text: undefined });
  });

  it.each([
    ['a prefix', '<x:c r="A1"><x:v>1</x:v></x:c>'],
    ['single quotes', "<c r='A1'><v>1</v></c>"],
    ['spaces around =', '<c r = "A1"><v>1</v></c>'],
    ['r written twice', '<c r="A1" r="A2"><v>1</v></c>'],
    ['a formula', '<c r="A1"><f>1+1</f><v>2</v></c>'],
    ['an inline string', '<c r="A1" t="inlineStr"><is><t>x</t></is></c>'],
    ['a comment in the value', '<c r="A1"><v>1<!-- x --></v></c>'],
    ['another element than c', '<col r="A1"/>'],
    ['a value left open', '<c r="A1"><v>1'],
  ])('leaves a cell with %s to the cursor', (_what, xml) => {
    expect(scanned(xml)).toBeUndefined();
  });
});
