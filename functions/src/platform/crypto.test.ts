import { randomBytes } from 'node:crypto';
import { configuredKeyProvider, dataKeysAhead, seal, sealWithSecret, unseal, unsealWithSecret, type KeyProvider } from './crypto';

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

describe('data keys ordered ahead', () => {
  /** A key service that counts its orders and can be told to fail the next one. */
  function service() {
    const inner = configuredKeyProvider(randomBytes(32).toString('base64'));
    const state = { orders: 0, failNext: false };
    const provider: KeyProvider = {
      newDataKey: async () => {
        state.orders += 1;
        if (state.failNext) {
          state.failNext = false;
          throw new Error('key service unavailable');
        }
        return inner.newDataKey();
      },
      unwrap: (wrapped) => inner.unwrap(wrapped),
    };
    return { state, keys: dataKeysAhead(provider) };
  }

  it('has the next key ordered before it is asked for, and still gives each value its own', async () => {
    const { state, keys } = service();
    const first = await seal(keys, 'one');
    expect(state.orders).toBe(2);
    const second = await seal(keys, 'two');
    expect(state.orders).toBe(3);
    expect(first.key).not.toBe(second.key);
    expect([await unseal(keys, first), await unseal(keys, second)]).toEqual(['one', 'two']);
  });

  it('orders again at once when the key ordered ahead failed', async () => {
    const { state, keys } = service();
    await seal(keys, 'one');
    state.failNext = true;
    // That order had already been placed (and succeeded); the one placed now fails, and is replaced on use.
    await seal(keys, 'two');
    const third = await seal(keys, 'three');
    expect(await unseal(keys, third)).toBe('three');
    expect(state.orders).toBe(5);
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
