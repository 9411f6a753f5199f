/**
 * 一次性用工补贴 for 疫情防控重点物资生产企业 that produced during the 2020 Spring Festival
 * (2020-01-24 … 2020-02-09): 200 元 per person on duty per day, at most 50 万元 per enterprise
 * (鲁政发〔2020〕5号; 鲁人社字〔2020〕22号 一; 聊城市人民政府 2020-03-11 通知 一.1).
 */
import { defineProgramme, fenToYuanString, type DecisionContext } from '@wengang/engine';
import { facts as factsSchema, type Facts } from './facts';
import { capPerEnterprise } from './parameters/cap-per-enterprise';
import { productionWindow } from './parameters/production-window';
import { ratePerPersonDay } from './parameters/rate-per-person-day';
import { cappedDailyAmounts } from './rules/capped-daily-amounts';
import { countedDays } from './rules/counted-days';
import { monthOf } from '../common/dates';
import { lcgov, lrs22, lzf5 } from './sources';

export const programme = defineProgramme({
  id: 'epidemic-labour-subsidy',
  name: '一次性用工补贴（疫情防控重点物资生产企业）',
  version: '1',
  regions: ['370000'],
  periods: [
    { from: '2020-01-24', until: '2020-02-09', region: '370000', cite: lrs22('政策细则 一.1', 405) },
    { from: '2020-01-24', until: '2020-02-09', region: '371500', cite: lcgov('一.1', 4) },
  ],
  facts: factsSchema,
  parameters: [capPerEnterprise, productionWindow, ratePerPersonDay],
  decide,
});

function decide(ctx: DecisionContext, f: Facts): void {
  let blocked = false;
  const condition: DecisionContext['condition'] = (c) => {
    if (c.result === 'fail' || c.result === 'missing') blocked = true;
    return ctx.condition(c);
  };

  const window = ctx.paramOrUndefined(productionWindow);
  const inForce = '决定时一次性用工补贴政策已发布';
  if (window === undefined) {
    condition({
      id: 'policy_in_force',
      label: inForce,
      result: 'fail',
      cite: lzf5('一.1', 77),
      detail: `决定日期 ${ctx.decisionDate} 时尚未发布（鲁政发〔2020〕5号 2020-02-17 印发）`,
    });
    return;
  }
  condition({
    id: 'policy_in_force',
    label: inForce,
    result: 'pass',
    cite: lzf5('一.1', 77),
    detail: `春节期间 ${window.from} 至 ${window.until}`,
  });

  const listLabel = '列入疫情防控重点物资生产企业名单（由发展改革、工业和信息化部门提供）';
  if (f.onKeySupplyList === undefined) {
    condition({
      id: 'on_key_supply_list',
      label: listLabel,
      result: 'missing',
      cite: lrs22('政策细则 一.1', 405),
      missing: ['facts.onKeySupplyList'],
    });
  } else {
    condition({
      id: 'on_key_supply_list',
      label: listLabel,
      result: f.onKeySupplyList ? 'pass' : 'fail',
      cite: lrs22('政策细则 一.1', 405),
      detail: f.onKeySupplyList
        ? `已列入${f.listSource ? `：${f.listSource}` : '名单'}`
        : '未列入疫情防控重点物资生产企业名单',
    });
  }

  const startLabel = `春节期间（截至 ${window.until}）开工生产`;
  if (f.productionStartDate === undefined) {
    condition({
      id: 'production_started_in_window',
      label: startLabel,
      result: 'missing',
      cite: lrs22('政策细则 一.1', 405),
      missing: ['facts.productionStartDate'],
    });
  } else {
    const ok = f.productionStartDate <= window.until;
    condition({
      id: 'production_started_in_window',
      label: startLabel,
      result: ok ? 'pass' : 'fail',
      cite: lrs22('政策细则 一.1', 405),
      detail: `开工日期 ${f.productionStartDate}${ok ? '' : `，晚于 ${window.until}`}`,
    });
  }

  const reviewLabel = '开工时间、在岗人数由发展改革、工业和信息化、人力资源社会保障部门共同审核确定';
  if (f.jointReviewConfirmed === undefined) {
    condition({
      id: 'joint_review_confirmed',
      label: reviewLabel,
      result: 'missing',
      cite: lrs22('政策细则 一.1', 407),
      missing: ['facts.jointReviewConfirmed'],
    });
  } else {
    condition({
      id: 'joint_review_confirmed',
      label: reviewLabel,
      result: f.jointReviewConfirmed ? 'pass' : 'fail',
      cite: lrs22('政策细则 一.1', 407),
      detail: f.jointReviewConfirmed ? '已共同审核确定' : '未经三部门共同审核确定',
    });
  }

  if (f.productionStartDate === undefined || f.productionStartDate > window.until) return;
  const days = countedDays(window, f.productionStartDate);
  const headcounts = f.dailyOnDutyHeadcount;
  const absent = days.filter((d) => headcounts?.[d] === undefined);
  const headLabel = `开工日（或 ${window.from}）起至 ${window.until} 每日在岗人数`;
  if (headcounts === undefined || absent.length > 0) {
    condition({
      id: 'daily_headcount_complete',
      label: headLabel,
      result: 'missing',
      cite: lrs22('政策细则 一.2', 411),
      detail: `缺少 ${absent.length} 天的在岗人数`,
      missing: absent.map((d) => `facts.dailyOnDutyHeadcount.${d}`),
    });
    return;
  }
  const rows = days.map((date) => ({ date, headcount: headcounts[date]! }));
  const personDays = rows.reduce((sum, r) => sum + r.headcount, 0);
  condition({
    id: 'daily_headcount_complete',
    label: headLabel,
    result: 'pass',
    cite: lrs22('政策细则 一.2', 411),
    detail: `${days[0]} 至 ${days[days.length - 1]} 共 ${days.length} 天，合计 ${personDays} 人·天`,
  });
  const ignored = Object.keys(headcounts).filter((d) => !days.includes(d));
  if (ignored.length > 0) ctx.note(`开工日前或春节期间以外的在岗人数不计补：${ignored.sort().join('、')}。`);

  const cap = ctx.param(capPerEnterprise, days[0]);
  const paidBefore = f.alreadyPaidFen ?? 0;
  const capLabel = `每个企业补贴最高不超过 ${fenToYuanString(cap)} 元（含已发放部分）`;
  condition({
    id: 'cap_not_exhausted',
    label: capLabel,
    result: paidBefore < cap ? 'pass' : 'fail',
    cite: lrs22('政策细则 一.2', 411),
    detail: `已发放 ${fenToYuanString(paidBefore)} 元，剩余额度 ${fenToYuanString(Math.max(0, cap - paidBefore))} 元`,
  });
  if (blocked) return;

  const priced = rows.map((r) => ({ ...r, ratePerPersonDayFen: ctx.param(ratePerPersonDay, r.date) }));
  const amounts = cappedDailyAmounts(priced, cap, paidBefore);
  let capReachedOn: string | undefined;
  for (const a of amounts) {
    if (a.paidFen === 0) {
      if (a.earnedFen > 0 && capReachedOn === undefined) capReachedOn = a.date;
      continue;
    }
    const full = `${fenToYuanString(a.ratePerPersonDayFen)} 元/人/天 × ${a.headcount} 人 × 1 天 = ${fenToYuanString(a.earnedFen)} 元`;
    ctx.line({
      label: `${a.date} 在岗 ${a.headcount} 人 一次性用工补贴`,
      amountFen: a.paidFen,
      month: monthOf(a.date),
      cite: lrs22('政策细则 一.2', 411),
      formula: a.paidFen < a.earnedFen ? `${full}，达到每户上限，只发剩余额度 ${fenToYuanString(a.paidFen)} 元` : full,
    });
  }
  if (capReachedOn !== undefined)
    ctx.note(`自 ${capReachedOn} 起已达每户 ${fenToYuanString(cap)} 元上限，其后各日不再计补。`);
  ctx.note(
    '所需资金从就业补助资金中列支；申领流程和材料由各市确定，可采取企业书面承诺方式（鲁人社字〔2020〕22号 一.3–4）。',
  );
}
