/*
 * The content of the seed guides' files: the fields each form asks for (as the regulations and the
 * provincial templates list them) and, for the filled samples and result samples, fictional values.
 * Every person, enterprise and number here is invented; samples say so on every page.
 */

/** One row of a form: its label and what a filled sample puts there. */
export type Field = readonly [label: string, sample: string];

export interface FormDefinition {
  /** Base of the file names: `<slug>-blank.pdf`, `<slug>-sample.pdf`. */
  slug: string;
  /** The form's title, without （空白表格）/（示例样表）. */
  title: string;
  /** Who it is addressed to, printed under the title. */
  addressee?: string;
  fields: readonly Field[];
  /** A statement the signer makes (commitments, authorisations). */
  declaration?: string;
  /** The names the guides use for its blank form and its filled sample. */
  blankName: string;
  sampleName?: string;
}

export interface CertificateDefinition {
  slug: string;
  title: string;
  issuer: string;
  fields: readonly Field[];
  /** The name the guides use for it. */
  name: string;
}

const AGENCY = '黄山示例国际旅行社有限公司';
const CREDIT = '91341000MA2X0000XX（示例）';
const SIGN: Field[] = [
  ['申请人（盖章）', AGENCY],
  ['法定代表人（签字）', '张示例'],
  ['日期', '2026年11月10日'],
];

export const FORMS: readonly FormDefinition[] = [
  {
    slug: 'lvxingshe-xuke-shenqingshu',
    title: '旅行社业务经营许可申请书',
    addressee: '致：安徽省文化和旅游厅',
    blankName: '旅行社业务经营许可申请书（空白表格）',
    sampleName: '旅行社业务经营许可申请书（示例样表）',
    fields: [
      ['旅行社名称', AGENCY],
      ['统一社会信用代码', CREDIT],
      ['住所', '安徽省黄山市屯溪区示例路1号'],
      ['经营场所', '安徽省黄山市屯溪区示例路1号101室'],
      ['法定代表人', '张示例'],
      ['注册资本（万元）', '100'],
      ['经营范围', '国内旅游业务、入境旅游业务'],
      ['联系人及电话', '李示例 0559-0000000'],
      ['质量保证金交存方式', '银行存款（示例银行黄山分行）'],
    ],
    declaration: '本单位承诺所填信息及所附材料真实、有效，如有虚假，愿承担相应法律责任。',
  },
  {
    slug: 'lvxingshe-chujing-shenqingshu',
    title: '旅行社经营出境旅游业务申请书',
    addressee: '致：安徽省文化和旅游厅',
    blankName: '旅行社经营出境旅游业务申请书（空白表格）',
    sampleName: '旅行社经营出境旅游业务申请书（示例样表）',
    fields: [
      ['旅行社名称', AGENCY],
      ['旅行社业务经营许可证编号', 'L-AH-00000（示例）'],
      ['取得经营许可满两年的日期', '2024年3月1日'],
      ['近两年是否因侵害旅游者合法权益受到行政机关罚款以上处罚', '否'],
      ['拟增存质量保证金（万元）', '120'],
      ['联系人及电话', '李示例 0559-0000000'],
    ],
    declaration: '本单位承诺符合《旅行社条例》第八条规定的条件，所填信息真实、有效。',
  },
  {
    slug: 'waishang-lvxingshe-shenqingshu',
    title: '外商投资旅行社业务许可申请书',
    addressee: '致：安徽省文化和旅游厅',
    blankName: '外商投资旅行社业务许可申请书（空白表格）',
    sampleName: '外商投资旅行社业务许可申请书（示例样表）',
    fields: [
      ['旅行社名称', '安徽示例外商投资旅行社有限公司'],
      ['统一社会信用代码', CREDIT],
      ['外国投资者名称及国别（地区）', 'Example Travel Ltd.（新加坡）'],
      ['投资总额及出资比例', '200万元，外方出资100%'],
      ['住所', '安徽省合肥市蜀山区示例大道8号'],
      ['法定代表人', '王示例'],
      ['经营范围', '国内旅游业务、入境旅游业务'],
      ['联系人及电话', '赵示例 0551-0000000'],
    ],
    declaration: '本单位承诺所填信息及所附材料真实、有效。',
  },
  {
    slug: 'lvxingshe-biangeng-dengjibiao',
    title: '旅行社变更备案登记表',
    addressee: '致：黄山市文化和旅游局',
    blankName: '旅行社变更备案登记表（空白表格）',
    sampleName: '旅行社变更备案登记表（示例样表）',
    fields: [
      ['旅行社名称', AGENCY],
      ['旅行社业务经营许可证编号', 'L-AH-00000（示例）'],
      ['变更事项', '法定代表人'],
      ['变更前', '张示例'],
      ['变更后', '陈示例'],
      ['市场监管部门变更登记日期', '2026年11月5日'],
      ['联系人及电话', '李示例 0559-0000000'],
    ],
    declaration: '本单位承诺所填信息真实，已在变更登记之日起10个工作日内备案。',
  },
  {
    slug: 'lvxingshe-zhongzhi-dengjibiao',
    title: '旅行社终止经营备案登记表',
    addressee: '致：黄山市文化和旅游局',
    blankName: '旅行社终止经营备案登记表（空白表格）',
    sampleName: '旅行社终止经营备案登记表（示例样表）',
    fields: [
      ['旅行社名称', AGENCY],
      ['旅行社业务经营许可证编号', 'L-AH-00000（示例）'],
      ['终止经营日期', '2026年12月31日'],
      ['终止原因', '股东会决议解散'],
      ['未履行完毕的旅游合同数量', '0'],
      ['联系人及电话', '李示例 0559-0000000'],
    ],
  },
  {
    slug: 'fenshe-dengjibiao',
    title: '旅行社分社设立备案登记表',
    addressee: '致：分社所在地文化和旅游主管部门',
    blankName: '旅行社分社设立备案登记表（空白表格）',
    sampleName: '旅行社分社设立备案登记表（示例样表）',
    fields: [
      ['设立社名称', AGENCY],
      ['分社名称', `${AGENCY}芜湖分社`],
      ['分社营业执照统一社会信用代码', CREDIT],
      ['分社经营场所', '安徽省芜湖市镜湖区示例街2号'],
      ['分社负责人', '孙示例'],
      ['增存质量保证金（万元）', '5'],
      ['联系电话', '0553-0000000'],
    ],
  },
  {
    slug: 'fuwuwangdian-dengjibiao',
    title: '旅行社服务网点设立备案登记表',
    addressee: '致：服务网点所在地文化和旅游主管部门',
    blankName: '旅行社服务网点设立备案登记表（空白表格）',
    sampleName: '旅行社服务网点设立备案登记表（示例样表）',
    fields: [
      ['设立社名称', AGENCY],
      ['服务网点名称', `${AGENCY}屯溪老街服务网点`],
      ['服务网点营业执照统一社会信用代码', CREDIT],
      ['服务网点经营场所', '安徽省黄山市屯溪区老街示例号'],
      ['服务网点负责人', '周示例'],
      ['联系电话', '0559-0000001'],
    ],
  },
  {
    slug: 'zhibaojin-jiaocun-qingkuangbiao',
    title: '旅行社质量保证金交存情况表',
    blankName: '旅行社质量保证金交存情况表（空白表格）',
    sampleName: '旅行社质量保证金交存情况表（示例样表）',
    fields: [
      ['旅行社名称', AGENCY],
      ['交存方式', '银行存款'],
      ['存款银行', '示例银行黄山分行'],
      ['交存金额（万元）', '20'],
      ['存款期限', '2026年11月1日至2027年10月31日'],
      ['银行担保函编号（如有）', '无'],
    ],
  },
  {
    slug: 'zhibaojin-jiangdi-shenqingshu',
    title: '旅行社质量保证金降低申请书',
    addressee: '致：黄山市文化和旅游局',
    blankName: '旅行社质量保证金降低申请书（空白表格）',
    sampleName: '旅行社质量保证金降低申请书（示例样表）',
    fields: [
      ['旅行社名称', AGENCY],
      ['现交存金额（万元）', '20'],
      ['申请降低后金额（万元）', '10'],
      ['三年内有无因侵害旅游者合法权益受到罚款以上处罚', '无'],
      ['三年内有无因质量保证金被强制划拨', '无'],
      ['联系人及电话', '李示例 0559-0000000'],
    ],
    declaration: '本单位申请依《旅行社条例》第十七条降低质量保证金，所填信息真实。',
  },
  {
    slug: 'zhibaojin-tuihuan-shenqingshu',
    title: '旅行社质量保证金退还申请书',
    addressee: '致：黄山市文化和旅游局',
    blankName: '旅行社质量保证金退还申请书（空白表格）',
    sampleName: '旅行社质量保证金退还申请书（示例样表）',
    fields: [
      ['旅行社名称', AGENCY],
      ['退还原因', '终止经营'],
      ['申请退还金额（万元）', '20'],
      ['收款账户名称', AGENCY],
      ['收款账号及开户行', '6200 0000 0000 0000（示例银行黄山分行）'],
      ['联系人及电话', '李示例 0559-0000000'],
    ],
  },
  {
    slug: 'ajijingqu-pingding-shenqingbiao',
    title: '旅游景区质量等级评定申请表',
    addressee: '致：旅游景区质量等级评定委员会',
    blankName: '旅游景区质量等级评定申请表（空白表格）',
    sampleName: '旅游景区质量等级评定申请表（示例样表）',
    fields: [
      ['景区名称', '示例山风景区'],
      ['景区管理单位', '示例山风景区管理委员会'],
      ['景区地址', '安徽省黄山市示例县示例镇'],
      ['申请等级', '4A'],
      ['景区面积（平方公里）', '12.5'],
      ['上年度游客接待量（万人次）', '65'],
      ['开业时间', '2015年5月1日'],
      ['联系人及电话', '吴示例 0559-0000002'],
    ],
  },
  {
    slug: 'youke-jiedailiang-tongjibiao',
    title: '游客接待量统计表',
    blankName: '游客接待量统计表（空白表格）',
    fields: [
      ['景区名称', ''],
      ['统计年度', ''],
      ['第一季度接待量（人次）', ''],
      ['第二季度接待量（人次）', ''],
      ['第三季度接待量（人次）', ''],
      ['第四季度接待量（人次）', ''],
      ['其中境外游客（人次）', ''],
      ['统计口径说明', ''],
    ],
  },
  {
    slug: 'xingjifandian-pingding-shenqingbiao',
    title: '旅游饭店星级评定申请表',
    addressee: '致：星级饭店评定委员会',
    blankName: '旅游饭店星级评定申请表（空白表格）',
    sampleName: '旅游饭店星级评定申请表（示例样表）',
    fields: [
      ['饭店名称', '黄山示例大酒店'],
      ['统一社会信用代码', CREDIT],
      ['饭店地址', '安徽省黄山市屯溪区示例路9号'],
      ['申请星级', '四星级'],
      ['客房数（间）', '210'],
      ['开业时间', '2019年10月1日'],
      ['总经理', '郑示例'],
      ['联系人及电话', '冯示例 0559-0000003'],
    ],
  },
  {
    slug: 'lvyou-tousushu',
    title: '旅游投诉书',
    addressee: '致：旅游投诉处理机构',
    blankName: '旅游投诉书（格式文本）',
    sampleName: '旅游投诉书（示例样表）',
    fields: [
      ['投诉人姓名', '钱示例'],
      ['联系电话', '13800000000'],
      ['被投诉人', AGENCY],
      ['旅游合同编号', 'HT-2026-0000（示例）'],
      ['旅游时间', '2026年10月1日至10月5日'],
      ['投诉事实', '合同约定入住四星级饭店，实际安排为二星级饭店。'],
      ['投诉请求', '退还住宿差价800元。'],
      ['证据清单', '旅游合同、住宿发票、行程单'],
    ],
  },
  {
    slug: 'gongtong-tousu-tuixuanshu',
    title: '共同投诉代表推选书',
    blankName: '共同投诉代表推选书（格式文本）',
    fields: [
      ['共同投诉事由', ''],
      ['投诉人人数', ''],
      ['推选的代表（姓名及证件号码）', ''],
      ['代表联系电话', ''],
      ['全体投诉人签字', ''],
    ],
    declaration: '我们一致推选上述代表参加投诉处理，代表的行为对全体投诉人有效；代表变更、放弃投诉请求或达成调解须经全体投诉人同意。',
  },
  {
    slug: 'shouquan-weituoshu',
    title: '授权委托书',
    blankName: '授权委托书（空白表格）',
    fields: [
      ['委托人（单位名称或姓名）', ''],
      ['统一社会信用代码或身份证件号码', ''],
      ['受托人姓名', ''],
      ['受托人身份证件号码', ''],
      ['受托人联系电话', ''],
      ['委托事项', ''],
      ['委托权限', ''],
      ['委托期限', ''],
      ['委托人签字（盖章）及日期', ''],
    ],
    declaration: '兹委托上述受托人代为办理委托事项，受托人在委托权限内所作的行为，委托人均予承认。',
  },
  {
    slug: 'fadingdaibiaoren-lvlibiao',
    title: '法定代表人履历表',
    blankName: '法定代表人履历表（空白表格）',
    fields: [
      ['姓名', ''],
      ['性别', ''],
      ['出生年月', ''],
      ['身份证件号码', ''],
      ['学历及专业', ''],
      ['工作经历（起止年月、单位、职务）', ''],
      ['联系电话', ''],
    ],
  },
  {
    slug: 'fenshe-fuzeren-lvlibiao',
    title: '分社负责人履历表',
    blankName: '分社负责人履历表（空白表格）',
    fields: [
      ['姓名', ''],
      ['性别', ''],
      ['出生年月', ''],
      ['身份证件号码', ''],
      ['旅游从业年限', ''],
      ['工作经历（起止年月、单位、职务）', ''],
      ['联系电话', ''],
    ],
  },
  {
    slug: 'guanli-renyuan-daoyou-mingdan',
    title: '经营管理人员和导游名单',
    blankName: '经营管理人员和导游名单（空白表格）',
    fields: [
      ['序号 / 姓名 / 职务或岗位', ''],
      ['身份证件号码', ''],
      ['导游证号（导游填写）', ''],
      ['劳动合同起止日期', ''],
      ['联系电话', ''],
    ],
  },
  {
    slug: 'xinyong-chengnuoshu',
    title: '信用承诺书',
    blankName: '信用承诺书（格式文本）',
    fields: [
      ['承诺人（单位名称）', ''],
      ['统一社会信用代码', ''],
      ['承诺事项', ''],
      ['承诺人（盖章）及日期', ''],
    ],
    declaration:
      '本单位郑重承诺：所提交材料真实有效；近两年未因侵害旅游者合法权益受到行政机关罚款以上处罚；如有虚假承诺，自愿承担撤销许可、列入失信名单等法律责任。',
  },
  {
    slug: 'wei-huanyou-chuanranbing-chengnuoshu',
    title: '未患有传染性疾病承诺书',
    blankName: '未患有传染性疾病承诺书（格式文本）',
    fields: [
      ['承诺人姓名', ''],
      ['身份证件号码', ''],
      ['联系电话', ''],
      ['承诺人签字及日期', ''],
    ],
    declaration: '本人郑重承诺：本人未患有甲类、乙类以及其他可能危害旅游者人身健康安全的传染性疾病。如有虚假，自愿承担相应法律责任。',
  },
  {
    slug: 'wu-fanzui-jilu-chengnuoshu',
    title: '无过失犯罪以外的犯罪记录承诺书',
    blankName: '无过失犯罪以外的犯罪记录承诺书（格式文本）',
    fields: [
      ['承诺人姓名', ''],
      ['身份证件号码', ''],
      ['联系电话', ''],
      ['承诺人签字及日期', ''],
    ],
    declaration: '本人郑重承诺：本人无过失犯罪以外的犯罪记录。如有虚假，自愿承担相应法律责任。',
  },
  {
    slug: 'weilvxing-hetong-qingkuang-shuoming',
    title: '未履行完毕旅游合同处理情况说明',
    blankName: '未履行完毕旅游合同处理情况说明（格式文本）',
    fields: [
      ['旅行社名称', ''],
      ['未履行完毕的合同数量', ''],
      ['涉及旅游者人数', ''],
      ['处理方式（继续履行、转让或解除并退款）', ''],
      ['处理完毕日期', ''],
      ['旅行社（盖章）及日期', ''],
    ],
  },
];

export const CERTIFICATES: readonly CertificateDefinition[] = [
  {
    slug: 'lvxingshe-xukezheng-yangben',
    title: '旅行社业务经营许可证',
    issuer: '安徽省文化和旅游厅',
    name: '旅行社业务经营许可证（样本）',
    fields: [
      ['许可证编号', 'L-AH-00000（样本）'],
      ['旅行社名称', AGENCY],
      ['法定代表人', '张示例'],
      ['经营场所', '安徽省黄山市屯溪区示例路1号101室'],
      ['经营范围', '国内旅游业务、入境旅游业务'],
      ['发证日期', '2026年11月15日'],
    ],
  },
  {
    slug: 'fenshe-beian-zhengming-yangben',
    title: '旅行社分社备案登记证明',
    issuer: '芜湖市文化和旅游局',
    name: '旅行社分社备案登记证明（样本）',
    fields: [
      ['备案编号', 'FS-AH-0000（样本）'],
      ['分社名称', `${AGENCY}芜湖分社`],
      ['设立社名称', AGENCY],
      ['经营场所', '安徽省芜湖市镜湖区示例街2号'],
      ['负责人', '孙示例'],
      ['备案日期', '2026年11月15日'],
    ],
  },
  {
    slug: 'fuwuwangdian-beian-zhengming-yangben',
    title: '旅行社服务网点备案登记证明',
    issuer: '黄山市文化和旅游局',
    name: '旅行社服务网点备案登记证明（样本）',
    fields: [
      ['备案编号', 'WD-AH-0000（样本）'],
      ['服务网点名称', `${AGENCY}屯溪老街服务网点`],
      ['设立社名称', AGENCY],
      ['经营场所', '安徽省黄山市屯溪区老街示例号'],
      ['备案日期', '2026年11月15日'],
    ],
  },
  {
    slug: 'ajijingqu-zhengshu-yangben',
    title: 'A级旅游景区证书',
    issuer: '安徽省旅游景区质量等级评定委员会',
    name: 'A级旅游景区证书（样本）',
    fields: [
      ['景区名称', '示例山风景区'],
      ['质量等级', '4A'],
      ['证书编号', 'JQ-AH-0000（样本）'],
      ['评定日期', '2026年11月15日'],
    ],
  },
  {
    slug: 'xingjifandian-zhengshu-yangben',
    title: '星级饭店证书',
    issuer: '安徽省星级饭店评定委员会',
    name: '星级饭店证书（样本）',
    fields: [
      ['饭店名称', '黄山示例大酒店'],
      ['星级', '四星级'],
      ['证书编号', 'XJ-AH-0000（样本）'],
      ['有效期', '2026年11月15日至2029年11月14日'],
    ],
  },
  {
    slug: 'dianzi-daoyouzheng-yangshi',
    title: '电子导游证',
    issuer: '安徽省文化和旅游厅',
    name: '电子导游证样式',
    fields: [
      ['姓名', '林示例'],
      ['导游证号', 'D-3410-000000（样本）'],
      ['语种', '中文、英语'],
      ['等级', '初级'],
      ['发证日期', '2026年11月15日'],
      ['有效期', '三年'],
    ],
  },
];

/** The sign-off rows a filled application ends with. */
export const SIGNATURE_ROWS: readonly Field[] = SIGN;

/** Every file the seed provides: its name as the guides write it and its file under data/guide-files/. */
export function seedFileNames(): { name: string; file: string }[] {
  return [
    ...FORMS.flatMap((form) => [
      { name: form.blankName, file: `${form.slug}-blank.pdf` },
      ...(form.sampleName ? [{ name: form.sampleName, file: `${form.slug}-sample.pdf` }] : []),
    ]),
    ...CERTIFICATES.map((c) => ({ name: c.name, file: `${c.slug}.pdf` })),
  ];
}
