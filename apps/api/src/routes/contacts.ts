import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@wengang/db';

const Contact = z.object({
  businessLine: z.string().describe('业务（稳岗返还 / 以工代训）'),
  regionCode: z.string(),
  regionLabel: z.string().describe('县（市、区）'),
  department: z.string().describe('业务部门'),
  phone: z.string().describe('联系方式'),
  source: z.string().describe('出处'),
});

/** 经办机构、服务电话: public, as 聊人社字〔2020〕58号 asks them to be published. */
export const contactRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/contacts',
    {
      schema: {
        summary: '经办机构、服务电话',
        tags: ['public'],
        response: { 200: z.object({ items: z.array(Contact) }) },
      },
    },
    async () => {
      const { rows } = await db.query<z.infer<typeof Contact>>(
        `SELECT business_line AS "businessLine", region_code AS "regionCode", region_label AS "regionLabel",
                department, phone, source
           FROM agency_contacts ORDER BY business_line DESC, id`,
      );
      return { items: rows };
    },
  );
};
