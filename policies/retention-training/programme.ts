/**
 * 一次性留工培训补助 (聊人社字〔2022〕32号, Liaocheng, 2022).
 *
 * Two routes: (1) 免申即享 for every insured unit of a county that in 2022 had ≥ 1 中高风险疫情区域 or
 * an area under 静态管理 ≥ 7 days, headcount of the trigger month; (2) 自主申请 for units in the five
 * 特困行业 of the other counties, headcount of the month the application is submitted. 劳务派遣企业
 * always apply themselves and are paid for their own staff only. 500 元/人, once.
 */
import { defineProgramme, fenToYuanString, type DecisionContext } from '@wengang/engine';
import { facts as factsSchema, type Facts } from './facts';
import { amountPerPerson } from './parameters/amount-per-person';
import { coveredUnitTypes } from './parameters/covered-unit-types';
import { hardHitIndustries } from './parameters/hard-hit-industries';
import { implementationEnd } from './parameters/implementation-end';
import { riskAreaMinCount } from './parameters/risk-area-min-count';
import { staticManagementMinDays } from './parameters/static-management-min-days';
import { triggerWindow } from './parameters/trigger-window';
import { countyName } from './rules/county-name';
import { countyTrigger } from './rules/county-trigger';
import { isCoveredUnit, unitTypeNames } from './rules/covered-unit';
import { monthOf } from '../common/dates';
import { industryNames, isHardHitIndustry } from './rules/hard-hit-industry';
import { situationCounty } from './rules/situation-county';
import { subsidisedHeadcount } from './rules/subsidised-headcount';
import { subsidyAmountFen } from './rules/subsidy-amount';
import { lc32 } from './sources';

const KIND_NAMES = { medium_high_risk_area: '列入中高风险疫情区域', static_management: '实施静态管理' } as const;

export const programme = defineProgramme({
  id: 'retention-training',
  name: '一次性留工培训补助',
  version: '1',
  regions: ['371500'],
  periods: [{ from: '2022-01-01', until: '2022-12-31', region: '371500', cite: lc32('四', 49) }],
  facts: factsSchema,
  parameters: [
    amountPerPerson,
    coveredUnitTypes,
    hardHitIndustries,
    implementationEnd,
    riskAreaMinCount,
    staticManagementMinDays,
    triggerWindow,
  ],
  decide,
});

function decide(ctx: DecisionContext, f: Facts): void {
  // Amount lines are written only when no claim-level condition failed or is missing.
  let blocked = false;
  const condition: DecisionContext['condition'] = (c) => {
    if (c.result === 'fail' || c.result === 'missing') blocked = true;
    return ctx.condition(c);
  };
  const rate = ctx.paramOrUndefined(amountPerPerson);
  if (rate === undefined) {
    condition({
      id: 'policy_in_force',
      label: '申领期间在政策实施期限内，且决定时补助政策已印发',
      result: 'fail',
      cite: lc32('四', 49),
      detail: `申领期间自 ${ctx.period.from}、决定日期 ${ctx.decisionDate}：无适用的补助标准（实施期限 2022-01-01 至 2022-12-31，聊人社字〔2022〕32号 2022-09-01 印发）`,
    });
    return;
  }
  condition({
    id: 'policy_in_force',
    label: '申领期间在政策实施期限内，且决定时补助政策已印发',
    result: 'pass',
    cite: lc32('四', 49),
    detail: `申领期间 ${ctx.period.from} 至 ${ctx.period.until}，补助标准 ${fenToYuanString(rate)} 元/人`,
  });

  // 单位类型：参保企业及参照实施单位；机关事业单位等不适用。
  const unitLabel =
    '参保企业，或参照实施的社会团体、基金会、社会服务机构、律师事务所、会计师事务所、以单位形式参保的个体工商户';
  if (f.unitType === undefined) {
    condition({
      id: 'unit_type_covered',
      label: unitLabel,
      result: 'missing',
      cite: lc32('一(一)', 21),
      missing: ['facts.unitType'],
    });
  } else {
    const covered = isCoveredUnit(f.unitType, ctx.param(coveredUnitTypes));
    condition({
      id: 'unit_type_covered',
      label: unitLabel,
      result: covered ? 'pass' : 'fail',
      cite: lc32('一(一)', 21),
      detail: `单位类型：${unitTypeNames[f.unitType]}${covered ? '' : '，不属于参保企业或参照实施单位'}`,
    });
  }

  // 一次性：已享受的不再发放，也不因人数变化调整。
  const onceLabel = '未享受过一次性留工培训补助（补助核定发放后不再调整）';
  if (f.alreadyReceived === undefined) {
    condition({
      id: 'not_already_received',
      label: onceLabel,
      result: 'missing',
      cite: lc32('五(一)', 53),
      missing: ['facts.alreadyReceived'],
    });
  } else {
    condition({
      id: 'not_already_received',
      label: onceLabel,
      result: f.alreadyReceived ? 'fail' : 'pass',
      cite: lc32('五(一)', 53),
      detail: f.alreadyReceived ? '已享受过一次性留工培训补助，不再发放或调整' : '未享受过',
    });
  }

  // 劳务派遣企业：须申报是否为劳务派遣企业（决定经办模式和人数口径）。
  if (f.isLabourDispatchAgency === undefined) {
    condition({
      id: 'labour_dispatch_own_staff',
      label: '劳务派遣企业按自用职工人数享受，派遣到其他企业的职工由实际用工企业享受',
      result: 'missing',
      cite: lc32('五(一)', [53, 55]),
      missing: ['facts.isLabourDispatchAgency'],
    });
    return;
  }
  const dispatch = f.isLabourDispatchAgency;

  // 哪个县（市、区）的疫情防控形势。
  const where = situationCounty({
    insuredCounty: f.insuredCounty,
    operatingCounty: f.operatingCounty,
    isLabourDispatchAgency: dispatch,
  });
  const triggerLabel = '所在县（市、区）2022 年出现 1 个（含）以上中高风险疫情区域或实施静态管理 7 日以上区域';
  if (where.county === undefined || f.epidemicEvents === undefined) {
    const missing = where.missing.map((m) => `facts.${m}`);
    if (f.epidemicEvents === undefined) missing.push('facts.epidemicEvents');
    condition({
      id: 'county_epidemic_trigger',
      label: triggerLabel,
      result: 'missing',
      cite: lc32('一(一)', 21),
      missing,
    });
    return;
  }
  const county = where.county;
  const window = ctx.param(triggerWindow);
  const minRisk = ctx.param(riskAreaMinCount);
  const minDays = ctx.param(staticManagementMinDays);
  const trigger = countyTrigger(f.epidemicEvents, county, window, minRisk, minDays);
  const countyWords = `${where.basis === 'operating_county' ? '经营地' : '参保地'}${countyName(county)}`;
  if (trigger.triggered === undefined) {
    condition({
      id: 'county_epidemic_trigger',
      label: triggerLabel,
      result: 'missing',
      cite: lc32('一(一)', 21),
      detail: `${countyWords} 有静态管理区域未填持续天数，无法判断是否达到 ${minDays} 日`,
      missing: trigger.undecided.map((i) => `facts.epidemicEvents.${i}.durationDays`),
    });
    return;
  }

  let route: 'automatic' | 'industry';
  let basisMonth: string | undefined;
  if (trigger.triggered) {
    const e = trigger.triggerEvent!;
    basisMonth = monthOf(trigger.triggerDate!);
    condition({
      id: 'county_epidemic_trigger',
      label: triggerLabel,
      result: 'pass',
      cite: lc32('一(一)', 21),
      detail:
        `${countyWords}：${e.startDate} ${KIND_NAMES[e.kind]}${e.name ? `「${e.name}」` : ''}` +
        `${e.kind === 'static_management' ? `，持续 ${e.durationDays} 日（≥ ${minDays} 日）` : `（本年第 ${minRisk} 个，含本数）`}` +
        `；首次触发月份 ${basisMonth}`,
    });
    condition({
      id: 'hard_hit_industry',
      label: '未触发县（市、区）的餐饮、零售、旅游、民航、公路水路铁路运输 5 个特困行业参保企业',
      result: 'not_applicable',
      cite: lc32('一(一)', 21),
      detail: '所在县（市、区）已触发，不论行业',
    });
    route = 'automatic';
  } else {
    route = 'industry';
    const noTrigger =
      `${countyWords} 在 ${window.from} 至 ${window.until} 间中高风险疫情区域 ${trigger.riskAreas} 个（需 ${minRisk} 个及以上），` +
      `无持续 ${minDays} 日以上的静态管理区域`;
    if (f.industry === undefined) {
      condition({
        id: 'county_epidemic_trigger',
        label: triggerLabel,
        result: 'not_applicable',
        cite: lc32('一(一)', 21),
        detail: `${noTrigger}；转按特困行业判断`,
      });
      condition({
        id: 'hard_hit_industry',
        label: '未触发县（市、区）的餐饮、零售、旅游、民航、公路水路铁路运输 5 个特困行业参保企业',
        result: 'missing',
        cite: lc32('一(一)', 21),
        missing: ['facts.industry'],
      });
      return;
    }
    const hardHit = isHardHitIndustry(f.industry, ctx.param(hardHitIndustries));
    condition({
      id: 'county_epidemic_trigger',
      label: triggerLabel,
      result: hardHit ? 'not_applicable' : 'fail',
      cite: lc32('一(一)', 21),
      detail: hardHit ? `${noTrigger}；转按特困行业自主申请` : noTrigger,
    });
    condition({
      id: 'hard_hit_industry',
      label: '未触发县（市、区）的餐饮、零售、旅游、民航、公路水路铁路运输 5 个特困行业参保企业',
      result: hardHit ? 'pass' : 'fail',
      cite: lc32('一(一)', 21),
      detail: `所属行业：${industryNames[f.industry]}${hardHit ? '' : '，不属于 5 个特困行业'}`,
    });
    if (!hardHit) return;
  }

  condition({
    id: 'labour_dispatch_own_staff',
    label: '劳务派遣企业按自用职工人数享受，派遣到其他企业的职工由实际用工企业享受',
    result: dispatch ? 'pass' : 'not_applicable',
    cite: lc32('五(一)', [53, 55]),
    detail: dispatch
      ? `劳务派遣企业：适用自主申请，按自用职工人数核定，疫情防控形势按经营地${countyName(county)}确定`
      : '非劳务派遣企业',
  });

  // 经办模式：免申即享（已触发、非劳务派遣）无需申请；其余须在实施期限内自主申请。
  const selfApplication = route === 'industry' || dispatch;
  const appLabel = '自主申请在政策实施期限（2022 年 12 月 31 日）内提出';
  if (!selfApplication) {
    condition({
      id: 'application_within_period',
      label: appLabel,
      result: 'not_applicable',
      cite: lc32('二(一)1', 35),
      detail: '免申即享：辖区内参保企业无需提出申请，由人社部门比对后直接发放',
    });
  } else if (f.applicationDate === undefined) {
    condition({
      id: 'application_within_period',
      label: appLabel,
      result: 'missing',
      cite: lc32('四', 49),
      missing: ['facts.applicationDate'],
    });
    return;
  } else {
    const end = ctx.param(implementationEnd);
    const inTime = f.applicationDate <= end && f.applicationDate >= window.from;
    condition({
      id: 'application_within_period',
      label: appLabel,
      result: inTime ? 'pass' : 'fail',
      cite: lc32('四', 49),
      detail: `申请提交日期 ${f.applicationDate}${inTime ? '，' : '，不在'}实施期限 ${window.from} 至 ${end}${inTime ? ' 内' : ' 内'}`,
    });
    if (!inTime) return;
    if (route === 'industry') basisMonth = monthOf(f.applicationDate);
  }

  // 人数：触发县按首次触发月，特困行业按申请提交月的参加失业保险并缴费人数。
  const month = basisMonth!;
  const headLabel =
    route === 'industry'
      ? '按申请提交月的企业参加失业保险并缴费人数确定'
      : '按本年度首次列入中高风险疫情区域或实施静态管理 7 日起始月的参加失业保险并缴费人数确定';
  const headCite = lc32('五(一)', 53);
  const missing: string[] = [];
  const insured = f.insuredHeadcountByMonth?.[month];
  if (insured === undefined) missing.push(`facts.insuredHeadcountByMonth.${month}`);
  const out = dispatch ? f.dispatchedOutHeadcountByMonth?.[month] : 0;
  if (out === undefined) missing.push(`facts.dispatchedOutHeadcountByMonth.${month}`);
  if (insured === undefined || out === undefined) {
    condition({ id: 'insured_headcount', label: headLabel, result: 'missing', cite: headCite, month, missing });
    return;
  }
  const inn = f.dispatchedInHeadcountByMonth?.[month] ?? 0;
  const count = subsidisedHeadcount(insured, out, inn);
  const parts = [`${month} 参加失业保险并缴费 ${insured} 人`];
  if (dispatch) parts.push(`减派遣到其他企业 ${out} 人，自用职工 ${count.ownStaff} 人`);
  if (inn > 0) parts.push(`加派遣到本企业并由本企业出资缴费 ${inn} 人`);
  parts.push(`计补 ${count.total} 人`);
  condition({
    id: 'insured_headcount',
    label: headLabel,
    result: count.total > 0 ? 'pass' : 'fail',
    cite: headCite,
    month,
    detail: parts.join('，'),
  });
  if (count.total === 0 || blocked) return;

  const rateWords = `${fenToYuanString(rate)} 元/人`;
  if (count.ownStaff > 0) {
    ctx.line({
      label: `一次性留工培训补助（${month} ${dispatch ? '自用职工' : '参保缴费职工'}）`,
      amountFen: subsidyAmountFen(rate, count.ownStaff),
      month,
      cite: lc32('一(一)', 21),
      formula: `${rateWords} × ${count.ownStaff} 人 = ${fenToYuanString(subsidyAmountFen(rate, count.ownStaff))} 元`,
    });
  }
  if (inn > 0) {
    ctx.line({
      label: `一次性留工培训补助（${month} 派遣到本企业、由本企业出资缴费的职工）`,
      amountFen: subsidyAmountFen(rate, inn),
      month,
      cite: lc32('五(一)', 53),
      formula: `${rateWords} × ${inn} 人 = ${fenToYuanString(subsidyAmountFen(rate, inn))} 元`,
    });
  }
  ctx.note('补助核定发放后，不再根据后期企业参保缴费人数增减变化进行调整（聊人社字〔2022〕32号 五(一)）。');
  if (route === 'automatic' && !dispatch) {
    ctx.note('免申即享：发放至税务部门提供的对公银行账户（二(一)1）。');
  } else {
    ctx.note('自主申请：核查失业保险参保缴费情况后拨付至企业指定对公银行账户（二(一)1）。');
  }
}
