import { PROVINCE_REGION_CODE, creditCodeRegion, type LicenceKind, type Region } from '@ah-tourism/shared';

/**
 * Which city's public registry lists a licence (README, "Public registries").
 *
 * A city bureau's licences are that city's: an agency is licensed by the bureau where it is registered,
 * and a guide applies for the 导游证 through the employer (执业单位), at the employer's bureau; so the
 * issuer's region is where the agency or the guide works.
 *
 * The department (340000) also issues: 外商投资旅行社, 出境 licences for agencies new to this system and
 * 导游证 applied for at the province. Those are listed under the city where the business is, so a
 * tourist looking at a city sees every agency and guide working there:
 *   - an agency: the city of its credit code's region (the registration authority, GB 32100 characters 3–8);
 *   - a guide: the city the employer's name begins with (an enterprise name starts with the region where it
 *     is registered: 黄山云海旅行社有限公司 → 黄山市), after a leading 安徽省 / 安徽.
 * When that names no city of the province (a province-level organisation, an employer from elsewhere), the
 * licence stays in the province's own registry (全省).
 */
export function registryRegionFor(
  input: { kind: LicenceKind; issuerRegion: string; holderCode: string; employer?: string },
  regions: readonly Pick<Region, 'code' | 'name' | 'shortName' | 'level'>[],
): string {
  if (input.issuerRegion !== PROVINCE_REGION_CODE) return input.issuerRegion;
  const cities = regions.filter((region) => region.level === 'city');
  if (input.kind === 'travel_agency') {
    const city = `${creditCodeRegion(input.holderCode).slice(0, 4)}00`;
    return cities.some((region) => region.code === city) ? city : PROVINCE_REGION_CODE;
  }
  const employer = (input.employer ?? '').trim().replace(/^安徽(省)?/, '');
  const named = cities.find((region) => employer.startsWith(region.name) || (region.shortName.length >= 2 && employer.startsWith(region.shortName)));
  return named?.code ?? PROVINCE_REGION_CODE;
}
