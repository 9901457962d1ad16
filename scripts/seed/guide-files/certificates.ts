import { AGENCY, type CertificateDefinition } from './definitions';

/** The results' samples: licences, filing certificates, rating certificates. */
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
