/**
 * 裁员率 test of 鲁人社字〔2020〕26号 二(二)3 (L5237): 「上年度未裁员或裁员率不高于5.5%，30人（含）以下的
 * 参保企业放宽到不超过参保职工总数的20%」. Layoff rate = 上年度参保职工减少人数（或领取失业保险金人数）
 * ÷ 上年度参保职工人数. Compared exactly: layoffs × den ≤ insured × num.
 */
import { formatFractionAsPercent, fractionAtMost, type Ratio } from './ratio';

export interface SmallEnterpriseRelaxation {
  /** Enterprises with at most this many insured employees (「30人（含）以下」). */
  maxInsured: number;
  /** Their limit (「不超过参保职工总数的20%」). */
  limit: Ratio;
}

export interface LayoffRateOutcome {
  ok: boolean;
  /** Which limit was applied: the general one or the small-enterprise relaxation. */
  applied: 'none_laid_off' | 'general' | 'small_enterprise';
  limit: Ratio;
  /** The layoff rate as a percentage, for explanations. */
  rateText: string;
}

/** The layoff rate as an exact fraction (layoffs / insured). */
export function layoffRate(layoffs: number, insured: number): { num: bigint; den: bigint } {
  return { num: BigInt(layoffs), den: BigInt(insured) };
}

export function layoffRateWithinLimit(
  layoffs: number,
  insured: number,
  limit: Ratio,
  small?: SmallEnterpriseRelaxation,
): LayoffRateOutcome {
  const rate = layoffRate(layoffs, insured);
  const rateText = insured > 0 ? formatFractionAsPercent(rate.num, rate.den) : '—';
  if (layoffs === 0) return { ok: true, applied: 'none_laid_off', limit, rateText: insured > 0 ? rateText : '0%' };
  if (insured <= 0) return { ok: false, applied: 'general', limit, rateText };
  if (small !== undefined && insured <= small.maxInsured) {
    // The relaxation can only widen the limit; take whichever of the two is more generous.
    const generous = fractionAtMost(rate.num, rate.den, small.limit) || fractionAtMost(rate.num, rate.den, limit);
    return { ok: generous, applied: 'small_enterprise', limit: small.limit, rateText };
  }
  return { ok: fractionAtMost(rate.num, rate.den, limit), applied: 'general', limit, rateText };
}
