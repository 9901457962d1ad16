import { FIELD_LIMITS, NOTIFICATION_EVENT_TYPES, TEMPLATES, type NotificationEvent } from '@ah-tourism/shared';
import { RULES, templateData } from './content';

const LONG = '关于申请设立旅行社分社及服务网点并同时变更法定代表人与经营场所的事项名称很长很长';
const event = (type: NotificationEvent['type']): NotificationEvent => ({
  eventId: 'ev_1',
  type,
  occurredAt: '2026-11-27T06:05:00.000Z',
  caseNumber: '202611273410006Z8KQW3M',
  itemName: LONG,
  organisationCode: '113410000039113649',
  applicantUserId: 'u_1',
  applicantDisplayName: '黄山云海国际旅行社股份有限公司黄山分公司',
  detail: { dueAt: '2026-12-04T16:00:00.000Z', summary: LONG, note: LONG, grade: '非常不满意', comment: LONG },
});

describe('notification content', () => {
  it.each(NOTIFICATION_EVENT_TYPES)('%s reaches someone, and its push fits WeChat’s field limits', (type) => {
    const rules = RULES[type];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const content = rule.content(event(type));
      expect(content.title.length).toBeGreaterThan(0);
      expect(content.body).toContain('202611273410006Z8KQW3M');
      if (!content.template) continue;
      const data = templateData(content.template, content.values ?? {});
      const fields = TEMPLATES[content.template].fields;
      expect(Object.keys(data)).toEqual(fields.map((f) => f.key));
      for (const field of fields) {
        const value = data[field.key]!.value;
        expect(value.length).toBeGreaterThan(0);
        expect(Array.from(value).length).toBeLessThanOrEqual(FIELD_LIMITS[field.kind]);
        if (field.kind === 'phrase') expect(value).toMatch(/^[\u4e00-\u9fa5]{1,5}$/);
        if (field.kind === 'character_string') expect(value).toMatch(/^[0-9A-Za-z_\-.:/#]+$/);
      }
    }
  });

  it('shortens long text with an ellipsis rather than cutting it silently', () => {
    const data = templateData('staff_new_case', { character_string1: 'X', thing2: LONG, name3: '张三', time4: '2026年11月27日 14:05' });
    expect(data.thing2!.value).toHaveLength(20);
    expect(data.thing2!.value.endsWith('…')).toBe(true);
  });
});
