import regions from '../../../data/regions.json'
import { REGION_WORDS } from './shared-words'

describe('the shared words', () => {
  test('name every region the API serves, as data/regions.json names it', () => {
    expect(REGION_WORDS.names).toEqual(Object.fromEntries(regions.map((region) => [region.code, region.name])))
  })
})
