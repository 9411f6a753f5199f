/**
 * Whether a county was “triggered” in 2022: 1 个（含）以上中高风险疫情区域, or an area under 静态管理
 * 7 日以上 (一(一) line 21), and the date that fixes the headcount month: “本年度首次列入中高风险疫情
 * 区域或实施静态管理 7 日起始月” (五(一) line 53).
 */
import type { Range } from '../../common/dates';
import { isWithin } from '../../common/dates';

export interface TriggerEvent {
  county: string;
  kind: 'medium_high_risk_area' | 'static_management';
  startDate: string;
  durationDays?: number;
  name?: string;
}

export interface CountyTrigger {
  /** true / false once decided; undefined while a static-management duration that matters is absent. */
  triggered?: boolean;
  /** First date on which the county met the trigger (the N-th risk area's listing, or the start of a long enough static management). */
  triggerDate?: string;
  /** The event that fixed triggerDate. */
  triggerEvent?: TriggerEvent;
  /** Risk areas of the county listed inside the window. */
  riskAreas: number;
  /** Indices (into the events given) of static-management events whose duration is needed and absent. */
  undecided: number[];
}

export function countyTrigger(
  events: readonly TriggerEvent[],
  county: string,
  window: Range,
  minRiskAreas: number,
  minStaticDays: number,
): CountyTrigger {
  const inCounty = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.county === county && isWithin(event.startDate, window));

  const risk = inCounty
    .filter(({ event }) => event.kind === 'medium_high_risk_area')
    .sort((a, b) => (a.event.startDate < b.event.startDate ? -1 : a.event.startDate > b.event.startDate ? 1 : 0));
  const candidates: TriggerEvent[] = [];
  const nth = risk[minRiskAreas - 1];
  if (nth !== undefined) candidates.push(nth.event);

  const statics = inCounty.filter(({ event }) => event.kind === 'static_management');
  for (const { event } of statics) {
    if (event.durationDays !== undefined && event.durationDays >= minStaticDays) candidates.push(event);
  }
  candidates.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const first = candidates[0];

  // A static management without a duration matters only if it could move the trigger earlier.
  const undecided = statics
    .filter(
      ({ event }) => event.durationDays === undefined && (first === undefined || event.startDate < first.startDate),
    )
    .map(({ index }) => index);

  const result: CountyTrigger = { riskAreas: risk.length, undecided };
  if (undecided.length > 0) return result;
  result.triggered = first !== undefined;
  if (first !== undefined) {
    result.triggerDate = first.startDate;
    result.triggerEvent = first;
  }
  return result;
}
