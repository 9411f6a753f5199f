/**
 * A fake region hierarchy, fake parameters and a fake programme for the engine's tests. Nothing
 * here is real policy; the real programmes live in policies/.
 */
import { z } from 'zod';
import { defineParameter, defineProgramme, type Citation, type EvaluationRequest } from '../src/index';

/** 000000 national › 370000 province › 371500 / 370100 prefectures › counties. */
const KNOWN = new Set(['000000', '370000', '371500', '371502', '371521', '370100', '370102', '650000', '652300']);

export function fakeAncestorsOf(code: string): readonly string[] {
  if (!KNOWN.has(code)) throw new Error(`unknown region ${code}`);
  const chain = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`, '000000'];
  return chain.filter((c, i) => chain.indexOf(c) === i);
}

export const options = { ancestorsOf: fakeAncestorsOf };

export function cite(issued: string, line: Citation['line'] = 123): Citation {
  return { doc: '鲁人社字〔2020〕63号', clause: '政策细则 二(一)', file: '000_fcb7bf8bcb97a69c.txt', line, issued };
}

export const amountPerPersonMonth = defineParameter<number>({
  id: 'fake.amount_per_person_month',
  label: '测试补贴标准',
  unit: 'fen/person/month',
  values: [
    { region: '000000', from: '2020-01-01', value: 30000, cite: cite('2020-01-01', 10) },
    { region: '370000', from: '2020-01-01', value: 50000, cite: cite('2020-02-01', 20) },
    // The province's amendment, issued 2020-07-01, raising the standard for the whole year.
    { region: '370000', from: '2020-01-01', value: 60000, cite: cite('2020-07-01', [30, 32]), note: '省级修订' },
    { region: '371500', from: '2020-01-01', until: '2020-06-30', value: 40000, cite: cite('2020-03-01', 40) },
    { region: '371502', from: '2020-01-01', value: 45000, cite: cite('2020-03-01', 50) },
  ],
});

export const minRevenueDrop = defineParameter<number>({
  id: 'fake.min_revenue_drop',
  label: '营业收入最低降幅',
  unit: 'ratio',
  values: [{ region: '000000', from: '2020-01-01', value: 0.3, cite: cite('2020-01-01', 60) }],
});

export const facts = z.object({
  enterprise: z.object({
    name: z.string().min(1),
    blacklisted: z.boolean(),
    revenueDrop: z.number().min(0).max(1).optional(),
  }),
  persons: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        idNumber: z.string().length(18),
        insured: z.boolean().optional(),
      }),
    )
    .min(1),
});
export type FakeFacts = z.infer<typeof facts>;

export const fakeProgramme = defineProgramme({
  id: 'fake-subsidy',
  name: '测试补贴',
  version: '1',
  regions: ['370000'],
  periods: [{ from: '2020-01-01', until: '2020-12-31', region: '370000', cite: cite('2020-02-01') }],
  facts,
  parameters: [amountPerPersonMonth, minRevenueDrop],
  decide(ctx, f) {
    ctx.condition({
      id: 'not_blacklisted',
      label: '企业未被列入失信名单',
      result: f.enterprise.blacklisted ? 'fail' : 'pass',
      cite: cite('2020-02-01', 70),
    });
    const min = ctx.param(minRevenueDrop);
    if (f.enterprise.revenueDrop === undefined) {
      ctx.condition({
        id: 'revenue_drop',
        label: '营业收入下降达到规定比例',
        result: 'missing',
        cite: cite('2020-02-01', 71),
        missing: ['facts.enterprise.revenueDrop'],
      });
    } else {
      const drop = f.enterprise.revenueDrop;
      ctx.condition({
        id: 'revenue_drop',
        label: '营业收入下降达到规定比例',
        result: drop >= min ? 'pass' : 'fail',
        detail: `营业收入下降 ${Math.round(drop * 100)}%（≥ ${Math.round(min * 100)}%）`,
        cite: cite('2020-02-01', 71),
      });
    }
    const month = ctx.period.from.slice(0, 7);
    f.persons.forEach((p, i) => {
      if (p.insured === undefined) {
        ctx.missing(`facts.persons.${i}.insured`);
        ctx.condition({
          id: 'insured',
          label: '职工已参加失业保险',
          result: 'missing',
          personId: p.id,
          month,
          cite: cite('2020-02-01', 72),
        });
        return;
      }
      const result = ctx.condition({
        id: 'insured',
        label: '职工已参加失业保险',
        result: p.insured ? 'pass' : 'fail',
        personId: p.id,
        month,
        cite: cite('2020-02-01', 72),
      });
      if (result !== 'pass') return;
      const amount = ctx.param(amountPerPersonMonth);
      ctx.line({
        label: `${p.name} ${month} 测试补贴`,
        amountFen: amount,
        personId: p.id,
        month,
        cite: cite('2020-02-01', 73),
        formula: `${amount / 100} 元/人/月 × 1 月`,
      });
    });
    if (f.persons.length > 5) ctx.note('人数较多，已逐人核对');
  },
});

/** A person of the fake facts; `insured: 'absent'` leaves the field out. */
export function person(i: number, insured: boolean | 'absent' = true) {
  const p = { id: `p${i}`, name: `职工${i}`, idNumber: `37150219900101${String(1000 + i).slice(-4)}` };
  return insured === 'absent' ? p : { ...p, insured };
}

export function request(overrides: Partial<EvaluationRequest<unknown>> = {}, persons = 3): EvaluationRequest {
  return {
    programme: 'fake-subsidy',
    region: '371502',
    period: { from: '2020-06-01', until: '2020-06-30' },
    decisionDate: '2020-07-15',
    facts: {
      enterprise: { name: '测试企业', blacklisted: false, revenueDrop: 0.5 },
      persons: Array.from({ length: persons }, (_, i) => person(i + 1)),
    },
    ...overrides,
  };
}
