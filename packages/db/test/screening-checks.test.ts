import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Queryable } from '@wengang/db';
import { describeEachDatabase } from '../../../test/support/databases';

/** Shapes the screening tables' CHECK constraints must accept, and those they must refuse. */
const PERSON_IDS = {
  accepted: ['371502199001011234', '37150219900101123X'],
  refused: [
    '37150219900101123', // 17 characters
    '3715021990010112345', // 19
    '37150219900101123x', // lower-case x
    '3715021990010112X4', // X not last
    'X71502199001011234',
    '３７１５０２１９９００１０１１２３', // full-width digits
    '371502199001011０', // 18 bytes, the last three a full-width digit
    '3715021990010112 4',
    '',
  ],
};

const CREDIT_CODES = {
  accepted: ['913715000000N1DR39', '91371500MA3C1XYW0Y'],
  refused: [
    '913715000000N1DR3', // 17 characters
    '913715000000N1DR390', // 19
    '913715000000I1DR39', // I, O, S, V and Z are not in the alphabet
    '913715000000O1DR39',
    '913715000000S1DR39',
    '913715000000V1DR39',
    '913715000000Z1DR39',
    '913715000000n1dr39', // lower case
    '913715000000N1DＲ', // 18 bytes, the last three a full-width letter
    '913715000000 1DR39',
  ],
};

describeEachDatabase('screening tables CHECK constraints', (db) => {
  /** One row for each table that holds a person ID, with this ID. */
  const inserts: Record<string, (q: Queryable, id: string) => Promise<unknown>> = {
    ui_spells: (q, id) =>
      q.query(
        `INSERT INTO ui_spells (region_code, credit_code, person_id, from_month, name, ui_status)
         VALUES ('371502', '913715000000N1DR39', $1, DATE '2022-01-01', '张三', '1')`,
        [id],
      ),
    employment_registrations: (q, id) =>
      q.query(
        `INSERT INTO employment_registrations (region_code, credit_code, person_id, registered_on)
         VALUES ('371502', '913715000000N1DR39', $1, DATE '2022-07-01')`,
        [id],
      ),
    graduates: (q, id) =>
      q.query(
        `INSERT INTO graduates (person_id, graduation_date, diploma_type, name) VALUES ($1, DATE '2022-06-30', '1', '张三')`,
        [id],
      ),
    person_registers: (q, id) =>
      q.query(
        `INSERT INTO person_registers (region_code, category, person_id, from_date, name)
         VALUES ('371502', 'hard_to_employ', $1, DATE '2022-01-01', '张三')`,
        [id],
      ),
  };

  /** Each insert in a transaction that is rolled back: the tables stay empty between cases. */
  const attempt = async (insert: (q: Queryable) => Promise<unknown>): Promise<'stored' | string> => {
    const rollback = new Error('rollback');
    try {
      await db().transaction(async (tx) => {
        await insert(tx);
        throw rollback;
      });
    } catch (error) {
      if (error === rollback) return 'stored';
      return (error as { code?: string }).code ?? String(error);
    }
    return 'stored';
  };

  it('accept a resident ID of 18 digits or 17 and X, and refuse every other shape, in every table', async () => {
    for (const [table, insert] of Object.entries(inserts)) {
      for (const id of PERSON_IDS.accepted)
        assert.equal(await attempt((q) => insert(q, id)), 'stored', `${table} ${id}`);
      for (const id of PERSON_IDS.refused) assert.equal(await attempt((q) => insert(q, id)), '23514', `${table} ${id}`);
    }
  });

  it('accept a credit code of 18 characters of its alphabet and refuse every other shape', async () => {
    const unit = (code: string) => (q: Queryable) =>
      q.query(
        `INSERT INTO insured_units (region_code, credit_code, name, industry_code, unit_type, status)
         VALUES ('371502', $1, '聊城市测试有限公司', 'C33', 'enterprise', 'active')`,
        [code],
      );
    for (const code of CREDIT_CODES.accepted) assert.equal(await attempt(unit(code)), 'stored', code);
    for (const code of CREDIT_CODES.refused) assert.equal(await attempt(unit(code)), '23514', code);
  });
});
