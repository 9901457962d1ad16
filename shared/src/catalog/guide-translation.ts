import type { FieldDefinition } from '../application/fields';
import type { Language } from '../i18n/language';
import type { ImplementationItem, ItemSummary } from './guide';

/**
 * Guides in another language. A translation is stored with each version of an implementation-list
 * entry as pairs: Chinese text → its translation (`translations.en`). Serving a guide in English
 * replaces each text that has a translation and keeps the Chinese of each that has none, so:
 *  - versions stay honest: a text that a later version changes no longer matches its old translation,
 *    and shows in Chinese until someone translates the new text;
 *  - the answer says which language it came in (`language`) and which texts stayed Chinese
 *    (`untranslated`, by path).
 * The organisation's name, address and hours (place) stay as they are: names and addresses are what a
 * visitor shows or asks for on the spot. So does a commitment's text (告知承诺): the applicant confirms
 * the Chinese text, identified by its SM3 hash.
 */

/** Every text of an item a translation covers, with its path (`guide.materials[2].name`). */
export function translatableTexts(item: ImplementationItem): { path: string; text: string }[] {
  const texts: { path: string; text: string }[] = [];
  const add = (path: string, text: string | undefined | null) => {
    if (text) texts.push({ path, text });
  };
  const { guide } = item;
  add('name', item.name);
  item.applicationFields.forEach((field, i) => {
    add(`applicationFields[${i}].label`, field.label);
    add(`applicationFields[${i}].hint`, field.hint);
    field.options?.forEach((option, j) => add(`applicationFields[${i}].options[${j}]`, option));
  });
  guide.conditions.forEach((text, i) => add(`guide.conditions[${i}]`, text));
  guide.legalBasis.forEach((basis, i) => {
    add(`guide.legalBasis[${i}].law`, basis.law);
    add(`guide.legalBasis[${i}].articles`, basis.articles);
    add(`guide.legalBasis[${i}].excerpt`, basis.excerpt);
  });
  add('guide.statutoryLimit.note', guide.statutoryLimit.note);
  add('guide.promisedLimit.note', guide.promisedLimit.note);
  guide.process.forEach((step, i) => {
    add(`guide.process[${i}].step`, step.step);
    add(`guide.process[${i}].description`, step.description);
  });
  add('guide.fees.standard', guide.fees.standard);
  add('guide.fees.basis', guide.fees.basis);
  add('guide.negativeList.reason', guide.negativeList.reason);
  add('guide.negativeList.visitPurpose', guide.negativeList.visitPurpose);
  add('guide.result.name', guide.result.name);
  add('guide.result.sample.name', guide.result.sample?.name);
  guide.result.licence?.scope.forEach((text, i) => add(`guide.result.licence.scope[${i}]`, text));
  add('guide.scope', guide.scope);
  guide.materials.forEach((m, i) => {
    const at = `guide.materials[${i}]`;
    add(`${at}.name`, m.name);
    add(`${at}.condition`, m.condition);
    add(`${at}.licenceName`, m.licenceName);
    add(`${at}.issuer`, m.issuer);
    add(`${at}.acceptanceStandard`, m.acceptanceStandard);
    add(`${at}.notes`, m.notes);
    add(`${at}.blankForm.name`, m.blankForm?.name);
    add(`${at}.sample.name`, m.sample?.name);
  });
  guide.approvalRules?.forEach((rule, i) => add(`guide.approvalRules[${i}].label`, rule.label));
  return texts;
}

/** The stored item without what only storage needs. */
function withoutTranslations(item: ImplementationItem): ImplementationItem {
  const { translations: _translations, ...rest } = item;
  return rest;
}

/**
 * The item as answered in a language: in Chinese exactly as stored (less its translations); in
 * English with every text that has a translation replaced, `language` saying which language the guide
 * came in (`zh-CN` when it has no English at all) and `untranslated` listing the paths still in Chinese.
 * Choice fields keep their Chinese option values (what an application submits) and get
 * `optionLabels` to show.
 */
export function localiseItem(item: ImplementationItem, language: Language): ImplementationItem {
  const stored = withoutTranslations(item);
  if (language === 'zh-CN') return stored;
  const pairs = item.translations?.en;
  if (!pairs || Object.keys(pairs).length === 0) return { ...stored, language: 'zh-CN' };
  const untranslated: string[] = [];
  const t = (path: string, text: string): string => {
    const english = Object.prototype.hasOwnProperty.call(pairs, text) ? pairs[text] : undefined;
    if (english === undefined) untranslated.push(path);
    return english ?? text;
  };
  const opt = <T extends string | undefined>(path: string, text: T): T => (text ? (t(path, text) as T) : text);
  const { guide } = stored;
  const fields = stored.applicationFields.map((field, i): FieldDefinition => {
    const at = `applicationFields[${i}]`;
    return {
      ...field,
      label: t(`${at}.label`, field.label),
      ...(field.hint ? { hint: t(`${at}.hint`, field.hint) } : {}),
      ...(field.options ? { optionLabels: field.options.map((option, j) => t(`${at}.options[${j}]`, option)) } : {}),
    };
  });
  const localised: ImplementationItem = {
    ...stored,
    name: t('name', stored.name),
    applicationFields: fields,
    guide: {
      ...guide,
      conditions: guide.conditions.map((text, i) => t(`guide.conditions[${i}]`, text)),
      legalBasis: guide.legalBasis.map((basis, i) => ({
        ...basis,
        law: t(`guide.legalBasis[${i}].law`, basis.law),
        articles: t(`guide.legalBasis[${i}].articles`, basis.articles),
        ...(basis.excerpt ? { excerpt: t(`guide.legalBasis[${i}].excerpt`, basis.excerpt) } : {}),
      })),
      statutoryLimit: { ...guide.statutoryLimit, ...(guide.statutoryLimit.note ? { note: t('guide.statutoryLimit.note', guide.statutoryLimit.note) } : {}) },
      promisedLimit: { ...guide.promisedLimit, ...(guide.promisedLimit.note ? { note: t('guide.promisedLimit.note', guide.promisedLimit.note) } : {}) },
      process: guide.process.map((step, i) => ({ step: t(`guide.process[${i}].step`, step.step), description: t(`guide.process[${i}].description`, step.description) })),
      fees: { ...guide.fees, ...(guide.fees.standard ? { standard: t('guide.fees.standard', guide.fees.standard) } : {}), ...(guide.fees.basis ? { basis: t('guide.fees.basis', guide.fees.basis) } : {}) },
      negativeList: {
        ...guide.negativeList,
        ...(guide.negativeList.reason ? { reason: t('guide.negativeList.reason', guide.negativeList.reason) } : {}),
        ...(guide.negativeList.visitPurpose ? { visitPurpose: t('guide.negativeList.visitPurpose', guide.negativeList.visitPurpose) } : {}),
      },
      result: {
        ...guide.result,
        name: t('guide.result.name', guide.result.name),
        ...(guide.result.sample ? { sample: { ...guide.result.sample, name: t('guide.result.sample.name', guide.result.sample.name) } } : {}),
        ...(guide.result.licence
          ? { licence: { ...guide.result.licence, scope: guide.result.licence.scope.map((text, i) => t(`guide.result.licence.scope[${i}]`, text)) } }
          : {}),
      },
      scope: t('guide.scope', guide.scope),
      materials: guide.materials.map((m, i) => {
        const at = `guide.materials[${i}]`;
        return {
          ...m,
          name: t(`${at}.name`, m.name),
          condition: opt(`${at}.condition`, m.condition),
          licenceName: opt(`${at}.licenceName`, m.licenceName),
          issuer: opt(`${at}.issuer`, m.issuer),
          acceptanceStandard: t(`${at}.acceptanceStandard`, m.acceptanceStandard),
          notes: opt(`${at}.notes`, m.notes),
          ...(m.blankForm ? { blankForm: { ...m.blankForm, name: t(`${at}.blankForm.name`, m.blankForm.name) } } : {}),
          ...(m.sample ? { sample: { ...m.sample, name: t(`${at}.sample.name`, m.sample.name) } } : {}),
        };
      }),
      ...(guide.approvalRules ? { approvalRules: guide.approvalRules.map((rule, i) => ({ ...rule, label: t(`guide.approvalRules[${i}].label`, rule.label) })) } : {}),
    },
  };
  // Optional texts that were absent stay absent (no `condition: undefined` in the JSON either way).
  return { ...localised, language: 'en', ...(untranslated.length ? { untranslated } : {}) };
}

/** The item's name in English, when its translation has one (kept in the list summary). */
export function englishName(item: ImplementationItem): string | undefined {
  return item.translations?.en?.[item.name];
}

/** A list entry as answered: in English its English name when it has one, with `language`. */
export function localiseSummary(summary: ItemSummary, language: Language): ItemSummary {
  const { nameEn, ...rest } = summary;
  if (language === 'zh-CN') return rest;
  return nameEn ? { ...rest, name: nameEn, language: 'en' } : { ...rest, language: 'zh-CN' };
}
