/**
 * 疑点数据 (聊人社字〔2022〕32号 六(三)): every suspicious record sent down by a higher level opens one
 * verification task on the review case it names — by case number when given, otherwise the latest
 * case of that programme for that unit that claims for that person (or, for unit-level
 * programmes, the unit's latest case). A record whose case cannot be found still gets a task, with
 * no case, so that nothing sent down is silently dropped.
 */
import type { Queryable } from '@wengang/db';

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** Opens the tasks of records that have none yet; returns how many were opened. */
export async function openVerificationTasks(q: Queryable, now: Date): Promise<number> {
  const result = await q.query(
    `INSERT INTO verification_tasks (issue_no, seq, region_code, case_id, status, created_at)
     SELECT r.issue_no, r.seq, r.region_code,
            coalesce(
              (SELECT c.id FROM review_cases c WHERE r.case_ref ~ '${UUID}' AND c.id = r.case_ref::uuid),
              (SELECT c.id FROM review_cases c JOIN enterprises e ON e.id = c.enterprise_id
                WHERE e.credit_code = r.credit_code AND c.programme = r.programme
                  AND (EXISTS (SELECT 1 FROM case_persons p WHERE p.case_id = c.id AND p.person_key = r.person_id)
                       OR NOT EXISTS (SELECT 1 FROM case_persons p WHERE p.case_id = c.id))
                ORDER BY c.created_at DESC LIMIT 1)
            ),
            'open', $1
       FROM suspicious_records r
      WHERE NOT EXISTS (SELECT 1 FROM verification_tasks t WHERE t.issue_no = r.issue_no AND t.seq = r.seq)
     ON CONFLICT (issue_no, seq) DO NOTHING`,
    [now],
  );
  return result.rowCount;
}
