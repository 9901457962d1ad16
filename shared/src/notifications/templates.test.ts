import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { FIELD_LIMITS, LOCAL_TEMPLATE_IDS, TEMPLATE_KEYS, fitField, formatTemplateTime } from './templates';

describe('subscribe-message templates', () => {
  it('give the local stage the same template ids the WeChat stand-in knows', () => {
    const config = parse(readFileSync(path.resolve(__dirname, '../../../serverless.yml'), 'utf8')) as { params: { local: { wechatTemplateIds: string } } };
    expect(JSON.parse(config.params.local.wechatTemplateIds)).toEqual(LOCAL_TEMPLATE_IDS);
    expect(Object.keys(LOCAL_TEMPLATE_IDS).sort()).toEqual([...TEMPLATE_KEYS].sort());
  });

  it('fit values to each field kind', () => {
    expect(fitField('thing', '  旅行社  业务经营许可 ')).toBe('旅行社 业务经营许可');
    expect(Array.from(fitField('thing', '一'.repeat(30)))).toHaveLength(FIELD_LIMITS.thing);
    expect(fitField('phrase', '已受理（线上）')).toBe('已受理线上');
    expect(fitField('character_string', '2026 1127-编号AB')).toBe('20261127-AB');
    expect(fitField('name', '黄山云海国际旅行社股份有限公司')).toHaveLength(10);
    expect(formatTemplateTime('2026-11-27T06:05:00.000Z')).toBe('2026年11月27日 14:05');
  });
});
