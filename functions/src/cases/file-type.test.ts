import { sniffMaterialType } from './file-type';

describe('material type from magic bytes', () => {
  it.each([
    ['PDF', '%PDF-1.7', 'application/pdf'],
    ['PNG', '\x89PNG\r\n\x1a\n', 'image/png'],
    ['JPEG', '\xff\xd8\xff\xe0', 'image/jpeg'],
  ])('recognises %s', (_name, head, type) => {
    expect(sniffMaterialType(Buffer.from(head, 'latin1'))).toBe(type);
  });

  it('recognises nothing else, whatever the name says', () => {
    expect(sniffMaterialType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffMaterialType(Buffer.from('PK\x03\x04'))).toBeUndefined();
    expect(sniffMaterialType(new Uint8Array())).toBeUndefined();
  });
});
