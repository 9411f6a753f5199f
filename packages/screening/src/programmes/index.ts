/** The programmes that can be screened (免申即享 or data-driven lists), by programme id. */
import { ScreeningError } from './common';
import { jobExpansion } from './job-expansion';
import { retentionTraining } from './retention-training';
import { stablePostRefund } from './stable-post-refund';
import type { ScreeningProgramme } from './types';

export const screeningProgrammes: readonly ScreeningProgramme[] = [stablePostRefund, retentionTraining, jobExpansion];

export function screeningProgramme(id: string): ScreeningProgramme {
  const p = screeningProgrammes.find((x) => x.id === id);
  if (!p) {
    throw new ScreeningError(
      `补贴项目“${id}”没有数据筛查（可筛查：${screeningProgrammes.map((x) => `${x.id} ${x.name}`).join('、')}）`,
    );
  }
  return p;
}
