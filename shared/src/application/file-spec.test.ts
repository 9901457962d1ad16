import { fileSpecProblem, fileSpecSchema, fileSpecText } from './file-spec';

const PHOTO = { types: ['jpg' as const], minWidth: 358, minHeight: 441, minKB: 20, maxKB: 200 };
const jpeg = (size: number, width?: number, height?: number) => ({ contentType: 'image/jpeg', size, ...(width ? { width, height } : {}) });

describe('a material file against the guide’s own spec', () => {
  it('states the spec as the guide does', () => {
    expect(fileSpecText(PHOTO)).toBe('JPG格式，不低于358×441像素，20KB至200KB');
    expect(fileSpecText({ types: ['pdf', 'png'], maxKB: 5 * 1024 })).toBe('PDF或PNG格式，不超过5MB');
  });

  it('refuses an undersized photo, naming the rule and what the photo is', () => {
    expect(fileSpecProblem('近期免冠证件照片', PHOTO, jpeg(60 * 1024, 200, 250))).toBe('“近期免冠证件照片”须为JPG格式，不低于358×441像素，20KB至200KB，所选图片为200×250像素');
  });

  it('refuses the wrong format, too small and too large a file', () => {
    expect(fileSpecProblem('照片', PHOTO, { contentType: 'image/png', size: 60 * 1024 })).toMatch(/所选文件格式不符$/);
    expect(fileSpecProblem('照片', PHOTO, jpeg(5 * 1024))).toMatch(/所选文件只有5KB$/);
    expect(fileSpecProblem('照片', PHOTO, jpeg(300 * 1024))).toMatch(/所选文件有300KB$/);
  });

  it('accepts a file within the spec, and anything when the guide states none', () => {
    expect(fileSpecProblem('照片', PHOTO, jpeg(60 * 1024, 358, 441))).toBeNull();
    expect(fileSpecProblem('照片', PHOTO, jpeg(60 * 1024))).toBeNull();
    expect(fileSpecProblem('营业执照', undefined, { contentType: 'application/pdf', size: 1 })).toBeNull();
  });

  it('refuses a spec whose lower size bound is above its upper one', () => {
    expect(fileSpecSchema.safeParse({ minKB: 10, maxKB: 5 }).success).toBe(false);
    expect(fileSpecSchema.safeParse(PHOTO).success).toBe(true);
  });

  it('refuses a PDF with more pages than the guide allows, when the phone could count them', () => {
    const spec = { types: ['pdf' as const], maxKB: 10 * 1024, maxPages: 10 };
    const pdf = (pages?: number) => ({ contentType: 'application/pdf', size: 300 * 1024, ...(pages ? { pages } : {}) });
    expect(fileSpecText(spec)).toBe('PDF格式，不超过10MB，不超过10页');
    expect(fileSpecProblem('可行性报告', spec, pdf(12))).toBe('“可行性报告”须为PDF格式，不超过10MB，不超过10页，所选文件有12页');
    expect(fileSpecProblem('可行性报告', spec, pdf(10))).toBeNull();
    expect(fileSpecProblem('可行性报告', spec, pdf())).toBeNull();
  });

  it('says the same in English for the English app', () => {
    expect(fileSpecText(PHOTO, 'en')).toBe('a JPG file, at least 358×441 pixels, 20KB to 200KB');
    expect(fileSpecProblem('ID photo', PHOTO, jpeg(60 * 1024, 200, 250), 'en')).toBe('"ID photo" must be a JPG file, at least 358×441 pixels, 20KB to 200KB, the chosen picture is 200×250 pixels');
    expect(fileSpecProblem('Report', { types: ['pdf'], maxPages: 1 }, { contentType: 'application/pdf', size: 1024, pages: 3 }, 'en')).toBe('"Report" must be a PDF file, at most 1 page, the chosen file has 3 pages');
  });
});
