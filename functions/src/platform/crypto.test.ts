import { randomBytes } from 'node:crypto';
import { configuredKeyProvider, seal, sealWithSecret, unseal, unsealWithSecret } from './crypto';

describe('envelope encryption', () => {
  const keys = configuredKeyProvider(randomBytes(32).toString('base64'));

  it('round-trips a value and never stores it in plain text', async () => {
    const value = { idNumber: '11010519491231002X', name: '张三' };
    const sealed = await seal(keys, value);
    expect(JSON.stringify(sealed)).not.toContain('11010519491231002X');
    expect(await unseal(keys, sealed)).toEqual(value);
  });

  it('uses a fresh data key and IV per value', async () => {
    const a = await seal(keys, 'same');
    const b = await seal(keys, 'same');
    expect(a.key).not.toBe(b.key);
    expect(a.data).not.toBe(b.data);
  });

  it('detects tampering and refuses another master key', async () => {
    const sealed = await seal(keys, 'secret');
    const flipped = Buffer.from(sealed.data, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    await expect(unseal(keys, { ...sealed, data: flipped.toString('base64') })).rejects.toThrow();
    await expect(unseal(configuredKeyProvider(randomBytes(32).toString('base64')), sealed)).rejects.toThrow();
  });

  it('rejects a master key of the wrong length', () => {
    expect(() => configuredKeyProvider(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

describe('sealing with a secret the client holds', () => {
  it('opens only with the same secret, and never shows the value', () => {
    const sealed = sealWithSecret('k3Jq9xV0c1aB7mN2pL5tR8wY', { code: 'ABCD2345' });
    expect(JSON.stringify(sealed)).not.toContain('ABCD2345');
    expect(unsealWithSecret('k3Jq9xV0c1aB7mN2pL5tR8wY', sealed)).toEqual({ code: 'ABCD2345' });
    expect(() => unsealWithSecret('another-secret-of-16-chars', sealed)).toThrow();
  });
});
