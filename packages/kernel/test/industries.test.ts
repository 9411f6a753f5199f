import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  getIndustrySection,
  HARD_HIT_INDUSTRIES_2020,
  HARDSHIP_INDUSTRIES_2022,
  INDUSTRY_SECTIONS,
  isIndustrySection,
  sizeIndustryForSection,
  type IndustryList,
} from '../src/industries';
import { isSizeIndustry } from '../src/enterprise-size';

const DOCUMENTS = new URL('../../../../shared/policy-documents/', import.meta.url);

function lineOf(file: string, line: number): string | undefined {
  try {
    return readFileSync(new URL(file, DOCUMENTS), 'utf8').split('\n')[line - 1];
  } catch {
    return undefined; // documents not checked out next to the repository
  }
}

function checkCitations(list: IndustryList): void {
  for (const cite of list.cites) {
    const text = lineOf(cite.file, cite.line as number);
    if (text === undefined) continue;
    for (const member of list.members) {
      assert.ok(text.includes(member.name), `${cite.doc} ${cite.file}:${cite.line} should name ${member.name}`);
    }
  }
}

describe('industry lists from the documents', () => {
  it('has the five hard-hit industries of 鲁人社字〔2020〕63号 / 鲁人社函〔2020〕78号', () => {
    assert.deepEqual(
      HARD_HIT_INDUSTRIES_2020.members.map((m) => m.name),
      ['外贸', '住宿餐饮', '文化旅游', '交通运输', '批发零售'],
    );
    assert.deepEqual(
      HARD_HIT_INDUSTRIES_2020.cites.map((c) => `${c.doc} ${c.issued}`),
      [
        '鲁人社字〔2020〕63号 2020-06-08',
        '鲁人社字〔2020〕63号 2020-06-08',
        '鲁人社函〔2020〕78号 2020-10-28',
        '鲁人社函〔2020〕78号 2020-10-28',
      ],
    );
    checkCitations(HARD_HIT_INDUSTRIES_2020);
  });

  it('has the five 特困行业 of 聊人社字〔2022〕32号', () => {
    assert.deepEqual(
      HARDSHIP_INDUSTRIES_2022.members.map((m) => m.name),
      ['餐饮', '零售', '旅游', '民航', '公路水路铁路运输'],
    );
    assert.equal(HARDSHIP_INDUSTRIES_2022.cites[0]!.line, 21);
    checkCitations(HARDSHIP_INDUSTRIES_2022);
  });

  it('points each citation at a line that names the document (when the text is at hand)', () => {
    const heading = lineOf('001_39fb5720dee477f9.txt', 3107);
    if (heading !== undefined) assert.match(heading, /鲁人社字〔2020〕63号 {2}2020年6月8日/);
    const heading78 = lineOf('001_39fb5720dee477f9.txt', 3877);
    if (heading78 !== undefined) assert.match(heading78, /鲁人社函〔2020〕78号 {2}2020年10月28日/);
    const doc32 = lineOf('003_90999c2aabad5de6.txt', 7);
    if (doc32 !== undefined) assert.equal(doc32.trim(), '聊人社字〔2022〕32号');
  });
});

describe('GB/T 4754 sections', () => {
  it('lists the 20 sections A–T', () => {
    assert.equal(INDUSTRY_SECTIONS.map((s) => s.code).join(''), 'ABCDEFGHIJKLMNOPQRST');
    assert.equal(getIndustrySection('H')?.name, '住宿和餐饮业');
    assert.equal(getIndustrySection('Z'), undefined);
    assert.equal(isIndustrySection('C'), true);
    assert.equal(isIndustrySection('c'), false);
  });

  it('maps sections to size rows only where unambiguous', () => {
    const cases: [section: Parameters<typeof sizeIndustryForSection>[0], row: string | undefined][] = [
      ['A', 'agriculture'],
      ['B', 'industry'],
      ['C', 'industry'],
      ['D', 'industry'],
      ['E', 'construction'],
      ['F', undefined],
      ['G', undefined],
      ['H', undefined],
      ['I', undefined],
      ['J', undefined],
      ['K', undefined],
      ['L', 'leasing_business_services'],
      ['M', 'other'],
      ['R', 'other'],
      ['T', undefined],
    ];
    for (const [section, row] of cases) assert.equal(sizeIndustryForSection(section), row, section);
  });

  it('refers only to existing size rows', () => {
    for (const s of INDUSTRY_SECTIONS) for (const row of s.sizeRows) assert.ok(isSizeIndustry(row), row);
  });
});
