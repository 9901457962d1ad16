import { canonicalQuery, canonicalRequest, rfc3986 } from './open-api';

describe('canonicalQuery', () => {
  it('is empty without a query', () => {
    expect(canonicalQuery('')).toBe('');
    expect(canonicalQuery('&&')).toBe('');
  });

  it('sorts by name, then by value, and keeps repeated names', () => {
    expect(canonicalQuery('region=341000&limit=5&keyword=b&keyword=a')).toBe('keyword=a&keyword=b&limit=5&region=341000');
  });

  it('decodes and re-encodes per RFC 3986, whatever encoding the client used', () => {
    const expected = 'keyword=%E6%97%85%E8%A1%8C%E7%A4%BE&note=a%20b%21%28%29%2A~._-';
    expect(canonicalQuery(`keyword=${encodeURIComponent('旅行社')}&note=a+b!()*~._-`)).toBe(expected);
    expect(canonicalQuery('note=a%20b%21%28%29%2a~._-&keyword=旅行社')).toBe(expected);
  });

  it('takes a name without `=` as an empty value, and keeps a malformed escape as it is', () => {
    expect(canonicalQuery('flag&a=1')).toBe('a=1&flag=');
    expect(canonicalQuery('a=%E6')).toBe('a=%25E6');
  });
});

describe('canonicalRequest', () => {
  it('is six lines: method, path, canonical query, timestamp, nonce, body hash', () => {
    const emptyBody = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(
      canonicalRequest({ method: 'get', path: '/open/v1/catalog/items', query: 'region=341000&limit=2', timestamp: '1796371200', nonce: '2f1d6c0e-7a5b-4c1e-9d1a-3b2c4d5e6f70', bodyHash: emptyBody }),
    ).toBe(['GET', '/open/v1/catalog/items', 'limit=2&region=341000', '1796371200', '2f1d6c0e-7a5b-4c1e-9d1a-3b2c4d5e6f70', emptyBody].join('\n'));
  });

  it('encodes as RFC 3986 does', () => {
    expect(rfc3986("it's (a)*!")).toBe('it%27s%20%28a%29%2A%21');
  });
});
