import { declaredTypeOfKey, sniffMaterialType } from './file-type';

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

describe('the declared type of an upload', () => {
  it('is read back from the extension its ticket gave the key', () => {
    expect(declaredTypeOfKey('materials/u-1/2f1c.pdf')).toBe('application/pdf');
    expect(declaredTypeOfKey('materials/u-1/2f1c.jpg')).toBe('image/jpeg');
    expect(declaredTypeOfKey('materials/u-1/2f1c.png')).toBe('image/png');
  });

  it('is none for a key without one of those extensions', () => {
    for (const key of ['materials/u-1/2f1c', 'materials/u-1/2f1c.jpeg', 'materials/u-1/2f1c.PNG', 'materials/u-1/a.pdf.html']) expect(declaredTypeOfKey(key)).toBeUndefined();
  });
});
