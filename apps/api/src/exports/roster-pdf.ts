/**
 * 以工代训人员花名册（含承诺书）as a printable PDF with real Chinese glyphs (pdfmake 0.3 on pdfkit).
 * Font: Noto Sans SC TTF from the npm package @expo-google-fonts/noto-sans-sc (installed by
 * `npm ci`), else the system's Noto Sans CJK (fonts-noto-cjk); neither → a clear Chinese error.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { regionFamily, subsidyTypeLabels, yuan, type RosterExport } from '@wengang/workflow';

interface FontFiles {
  normal: string | [string, string];
  bold: string | [string, string];
}

export class FontMissingError extends Error {}

const SYSTEM_TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const SYSTEM_TTC_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';

let cached: FontFiles | undefined;

/** The CJK font to embed; throws FontMissingError with what to install. */
export function cjkFont(): FontFiles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  try {
    const normal = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
    const bold = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
    cached = { normal, bold };
    return cached;
  } catch {
    // fall through to the system font
  }
  if (existsSync(SYSTEM_TTC)) {
    cached = {
      normal: [SYSTEM_TTC, 'NotoSansCJKsc-Regular'],
      bold: existsSync(SYSTEM_TTC_BOLD)
        ? [SYSTEM_TTC_BOLD, 'NotoSansCJKsc-Bold']
        : [SYSTEM_TTC, 'NotoSansCJKsc-Regular'],
    };
    return cached;
  }
  throw new FontMissingError(
    '无法生成 PDF：未找到中文字体。请在项目目录执行 npm ci（安装 @expo-google-fonts/noto-sans-sc 字体包），或安装系统字体 fonts-noto-cjk',
  );
}

interface PdfMake {
  setFonts(fonts: Record<string, { normal: unknown; bold: unknown; italics: unknown; bolditalics: unknown }>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

const engine = pdfmake as unknown as PdfMake;
let configured = false;

function configure(): void {
  if (configured) return;
  const font = cjkFont();
  engine.setFonts({ CJK: { normal: font.normal, bold: font.bold, italics: font.normal, bolditalics: font.bold } });
  const allowed = new Set([font.normal, font.bold].map((f) => (Array.isArray(f) ? f[0] : f)));
  engine.setUrlAccessPolicy(() => false);
  engine.setLocalAccessPolicy((path) => allowed.has(path));
  configured = true;
}

export function commitmentText(regionCode: string): string[] {
  const common = [
    '本单位郑重承诺：',
    '一、以上人员均为本单位在职职工（含由本单位承担用工成本并实际用人的劳务派遣人员），本单位已按规定组织开展以工代训，并按月足额发放工资。',
    '二、所填报的单位信息、人员信息和提交的材料真实、准确、完整，同一人员同一月份只由本单位申领一次以工代训补贴。',
  ];
  const regional =
    regionFamily(regionCode) === 'changji'
      ? [
          '三、补贴期内，以工代训人员未同时享受其他类型的职业培训补贴，本单位不与以工代训人员解除劳动关系（昌州人社发〔2020〕15号）。',
        ]
      : [
          '三、不重复享受《山东省职业技能提升行动（2019—2021年）专账资金管理办法》中的以工代训补贴（鲁人社函〔2020〕78号 四（二））。',
        ];
  return [
    ...common,
    ...regional,
    '四、如有虚报冒领、骗取套取补贴资金等行为，本单位自愿退回全部补贴资金，并依法承担相应责任。',
  ];
}

function formatMonth(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

export async function rosterPdf(data: RosterExport, printedOn: string): Promise<Buffer> {
  configure();
  const a = data.application;
  const cell = (text: string, extra: object = {}) => ({ text, ...extra });
  const body = [
    ['序号', '身份证号', '姓名', '人员类别', '补贴金额（元）'].map((h) =>
      cell(h, { bold: true, fillColor: '#eeeeee', alignment: 'center' }),
    ),
    ...data.persons.map((p) => [
      cell(String(p.seq), { alignment: 'center' }),
      cell(p.idNumberMasked),
      cell(p.name),
      cell(p.category),
      cell(p.amountFen > 0 ? yuan(p.amountFen) : `0.00（${p.refusal ?? '不予补贴'}）`, { alignment: 'right' }),
    ]),
    [
      cell('合计', { colSpan: 3, bold: true, alignment: 'center' }),
      {},
      {},
      cell(`${data.persons.filter((p) => p.amountFen > 0).length} 人`, { bold: true }),
      cell(yuan(data.totalFen), { bold: true, alignment: 'right' }),
    ],
  ];
  const doc = {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'CJK', fontSize: 10, lineHeight: 1.3 },
    info: { title: `以工代训人员花名册 ${a.unit.unitName} ${a.subsidyMonth}` },
    footer: (page: number, pages: number) => ({
      text: `第 ${page} 页 共 ${pages} 页`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: '以工代训人员花名册', fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      { text: `（${subsidyTypeLabels[a.subsidyType]}）`, alignment: 'center', margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [90, '*', 90, '*'],
          body: [
            [
              cell('单位名称', { bold: true }),
              cell(a.unit.unitName),
              cell('统一社会信用代码', { bold: true }),
              cell(a.unit.creditCode),
            ],
            [
              cell('补贴年月', { bold: true }),
              cell(formatMonth(a.subsidyMonth)),
              cell('企业所属区划', { bold: true }),
              cell(a.regionName),
            ],
            [
              cell('基本账户开户银行', { bold: true }),
              cell(a.unit.bankName),
              cell('基本账户银行账号', { bold: true }),
              cell(a.unit.bankAccountMasked),
            ],
            [
              cell('法人姓名', { bold: true }),
              cell(a.unit.legalRepName ?? ''),
              cell('联系电话', { bold: true }),
              cell(a.unit.contactPhone),
            ],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 12],
      },
      { table: { headerRows: 1, widths: [30, 120, 60, '*', 90], body }, margin: [0, 0, 0, 16] },
      { text: '承 诺 书', fontSize: 14, bold: true, alignment: 'center', margin: [0, 4, 0, 8] },
      ...commitmentText(a.regionCode).map((t) => ({ text: t, margin: [0, 0, 0, 4] })),
      {
        margin: [0, 24, 0, 0],
        columns: [
          { stack: ['法定代表人（签字）：', ' ', '经办人（签字）：'], width: '*' },
          { stack: ['单位（盖章）：', ' ', `日期：      年    月    日`], width: '*' },
        ],
      },
      {
        text: `打印日期：${printedOn}。身份证号仅显示后 4 位；本花名册由系统按规则引擎核定的金额生成，签字盖章后扫描上传。`,
        fontSize: 8,
        color: '#666666',
        margin: [0, 24, 0, 0],
      },
    ],
  };
  return engine.createPdf(doc).getBuffer();
}
