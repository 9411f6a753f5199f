/**
 * Every programme Wengang knows. Adding a programme: create policies/<id>/programme.ts exporting
 * `programme`, then add it to this list (one line).
 */
import { createRegistry, type ProgrammeDefinition } from '@wengang/engine';
// programme imports (one per line, keep sorted)
import { programme as epidemicLabourSubsidy } from './epidemic-labour-subsidy/programme';
import { programme as hiringSubsidy } from './hiring-subsidy/programme';
import { programme as jobExpansion } from './job-expansion/programme';
import { programme as jobReferralSubsidy } from './job-referral-subsidy/programme';
import { programme as retentionTraining } from './retention-training/programme';
import { programme as stablePostRefund } from './stable-post-refund/programme';
import { programme as workForTraining } from './work-for-training/programme';

export const programmes: ProgrammeDefinition[] = [
  // programme list (one per line, keep sorted)
  epidemicLabourSubsidy,
  hiringSubsidy,
  jobExpansion,
  jobReferralSubsidy,
  retentionTraining,
  stablePostRefund,
  workForTraining,
];

export const registry = createRegistry(programmes);
