import regions from '../../../data/regions.json';
import type { Region } from '@ah-tourism/shared';
import { registryRegionFor } from './registry-region';

const REGIONS = regions as Region[];

describe('which city lists a licence', () => {
  it('keeps a city bureau’s licences in its own city, whatever the names say', () => {
    expect(registryRegionFor({ kind: 'tour_guide', issuerRegion: '341000', holderCode: '3410**********1234', employer: '合肥徽行国际旅行社有限公司' }, REGIONS)).toBe('341000');
    expect(registryRegionFor({ kind: 'travel_agency', issuerRegion: '340100', holderCode: '91341000MA2T3K4L5J' }, REGIONS)).toBe('340100');
  });

  it('lists an agency the province licensed under the city of its credit code’s region', () => {
    expect(registryRegionFor({ kind: 'travel_agency', issuerRegion: '340000', holderCode: '91341000MA2T3K4L5J' }, REGIONS)).toBe('341000');
    expect(registryRegionFor({ kind: 'travel_agency', issuerRegion: '340000', holderCode: '91340104MA2N8Q7R3U' }, REGIONS)).toBe('340100');
    // Registered with the province, or outside it: the province's own registry.
    expect(registryRegionFor({ kind: 'travel_agency', issuerRegion: '340000', holderCode: '91340000MA2N8Q7R3U' }, REGIONS)).toBe('340000');
    expect(registryRegionFor({ kind: 'travel_agency', issuerRegion: '340000', holderCode: '91320100MA2N8Q7R3U' }, REGIONS)).toBe('340000');
  });

  it('lists a guide the province licensed under the city the employer’s name begins with', () => {
    const guide = (employer: string) => registryRegionFor({ kind: 'tour_guide', issuerRegion: '340000', holderCode: '3410**********1234', employer }, REGIONS);
    expect(guide('黄山云海旅行社有限公司')).toBe('341000');
    expect(guide('马鞍山市采石国际旅行社有限公司')).toBe('340500');
    expect(guide('安徽省六安皋城旅行社有限公司')).toBe('341500');
    expect(guide('淮北相山旅行社有限公司')).toBe('340600');
    expect(guide('安徽省导游服务中心')).toBe('340000');
    expect(guide('')).toBe('340000');
  });
});
