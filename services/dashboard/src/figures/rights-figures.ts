import type { Lang } from '../i18n/messages';

type Text = Record<Lang, string>;

/** A figure of a panel: how it is written, its label and what it counts. */
export interface PanelFigure {
  /** `amountFen`: an amount in fen 分, shown in yuan 元. */
  kind: 'count' | 'rate' | 'amountFen';
  label: Text;
  definition: Text;
}

/**
 * 维权: rights' figures in reporting's summary (reporting's RIGHTS_FIGURES), in the panel's
 * order, one entry each. A figure reporting adds to the summary (contracts, hazards, the 12351
 * hotline, disclosure) shows in the panel with one more entry here; one the summary does not
 * carry (an older reporting) is left out of the panel.
 */
export const RIGHTS_FIGURES = {
  disputesReceived: {
    kind: 'count',
    label: { 'zh-CN': '受理劳动争议', en: 'Disputes received' },
    definition: {
      'zh-CN': '工会劳动争议调解委员会受理的劳动争议件数。',
      en: 'Labour disputes accepted for mediation by the unions’ mediation committees.',
    },
  },
  disputesAgreed: {
    kind: 'count',
    label: { 'zh-CN': '调解成功', en: 'Agreed' },
    definition: {
      'zh-CN': '达成调解协议的劳动争议。',
      en: 'Disputes that ended in a mediation agreement.',
    },
  },
  disputesFailed: {
    kind: 'count',
    label: { 'zh-CN': '调解不成', en: 'Failed' },
    definition: {
      'zh-CN': '调解不成、引导申请仲裁的劳动争议。',
      en: 'Disputes whose mediation failed, referred to arbitration.',
    },
  },
  disputesOverdue: {
    kind: 'count',
    label: { 'zh-CN': '逾期未调结', en: 'Past mediation days' },
    definition: {
      'zh-CN': '受理后超过调解期限（15日，地区规则）仍未达成协议的劳动争议。',
      en: 'Disputes past the mediation days (15, a regional rule) without an agreement.',
    },
  },
  mediationSuccessRate: {
    kind: 'rate',
    label: { 'zh-CN': '调解成功率', en: 'Mediation success rate' },
    definition: {
      'zh-CN': '调解成功率 = 调解成功 ÷（调解成功 + 调解不成）。',
      en: 'Mediation success rate = agreed ÷ (agreed + failed).',
    },
  },
  amountRecoveredFen: {
    kind: 'amountFen',
    label: { 'zh-CN': '挽回经济损失', en: 'Amount recovered' },
    definition: {
      'zh-CN': '调解协议为职工挽回的金额（元）。',
      en: 'What the mediation agreements recovered for the workers, in yuan.',
    },
  },
  unionsWithCongressThisYear: {
    kind: 'count',
    label: { 'zh-CN': '本年召开职代会', en: 'Unions with a congress this year' },
    definition: {
      'zh-CN': '所选日期当年召开过职工（教职工）代表大会的基层工会。',
      en: 'Unions whose workers’ (teachers’) congress met in the year of the date shown.',
    },
  },
  proposalsReceived: {
    kind: 'count',
    label: { 'zh-CN': '提案数', en: 'Proposals received' },
    definition: {
      'zh-CN': '代表向职代会提交的提案。',
      en: 'Proposals delegates submitted to the congresses.',
    },
  },
  proposalsAnswered: {
    kind: 'count',
    label: { 'zh-CN': '已答复提案', en: 'Proposals answered' },
    definition: {
      'zh-CN': '已由单位答复的提案。',
      en: 'Proposals the employer has answered.',
    },
  },
  contractsInForce: {
    kind: 'count',
    label: { 'zh-CN': '有效集体合同', en: 'Collective contracts in force' },
    definition: {
      'zh-CN':
        '在所选日期有效（已生效、未到期）的集体合同份数，含综合、工资、女职工、劳动安全卫生专项。',
      en: 'Collective contracts in force on the date (effective and not expired), of every kind.',
    },
  },
  workforceCoveredByContracts: {
    kind: 'count',
    label: { 'zh-CN': '集体合同覆盖职工', en: 'Workers covered by contracts' },
    definition: {
      'zh-CN': '有效集体合同覆盖的职工人数。',
      en: 'Workers covered by the collective contracts in force.',
    },
  },
  hazardsFound: {
    kind: 'count',
    label: { 'zh-CN': '发现隐患', en: 'Hazards found' },
    definition: {
      'zh-CN': '劳动保护监督检查发现的事故隐患。',
      en: 'Hazards found by labour-protection inspections.',
    },
  },
  hazardsRectified: {
    kind: 'count',
    label: { 'zh-CN': '隐患已整改', en: 'Hazards rectified' },
    definition: {
      'zh-CN': '已整改的事故隐患。',
      en: 'Hazards rectified.',
    },
  },
  hazardsOverdue: {
    kind: 'count',
    label: { 'zh-CN': '逾期未整改', en: 'Hazards past their due date' },
    definition: {
      'zh-CN': '超过整改期限（按隐患等级，地区规则）仍未整改的隐患。',
      en: 'Hazards not rectified by their due date (by severity, a regional rule).',
    },
  },
  hotlineTickets: {
    kind: 'count',
    label: { 'zh-CN': '12351热线工单', en: '12351 hotline tickets' },
    definition: {
      'zh-CN': '12351维权热线及法律援助受理的工单。',
      en: 'Tickets received by the 12351 hotline and legal aid.',
    },
  },
  hotlineOnTimeRate: {
    kind: 'rate',
    label: { 'zh-CN': '热线按时答复率', en: 'Hotline on-time rate' },
    definition: {
      'zh-CN': '按时答复率 = 按时答复的已办结工单 ÷ 已办结工单（期限按承办层级，地区规则）。',
      en: 'On-time rate = tickets closed and answered on time ÷ tickets closed (limit by the handling level, a regional rule).',
    },
  },
  unionsWithDisclosure: {
    kind: 'count',
    label: { 'zh-CN': '本年开展厂务公开', en: 'Unions with affairs disclosure this year' },
    definition: {
      'zh-CN': '所选日期当年开展过厂务公开（校务公开）的基层工会。',
      en: 'Unions that disclosed affairs (厂务公开/校务公开) in the year of the date shown.',
    },
  },
  earlyWarningsOpen: {
    kind: 'count',
    label: { 'zh-CN': '未解除劳动关系预警', en: 'Open early warnings' },
    definition: {
      'zh-CN': '尚未解除的劳动关系预警（欠薪、群体性争议、关停等风险）。',
      en: 'Labour-relations early warnings not yet resolved (wage arrears, mass dispute, closure risks).',
    },
  },
} as const satisfies Record<string, PanelFigure>;

export type RightsFigureKey = keyof typeof RIGHTS_FIGURES;
