import { csvRecords, fieldOfTitle, parseCsv, parseJson } from './parse';

const HEADER = '办件编号,事项编码,实施机构代码,申请人类型,申请人名称,证件号码,联系电话,申请时间,受理时间,办件状态,办结时间,办理结果,办理环节';

describe('reading an import file', () => {
  it('reads RFC 4180 CSV: quoted commas, doubled quotes, line breaks inside quotes, CRLF, blank lines skipped, with the line each record starts on', () => {
    const records = csvRecords('a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['two\nlines', 'z'] },
    ]);
    expect(csvRecords('a,"b\n')).toEqual({ problem: '第1行的引号没有闭合，请检查该行的双引号' });
  });

  it('maps headers by Chinese title or JSON key, tolerates a BOM and spaces, numbers rows as lines of the file', () => {
    const csv = `\uFEFF${HEADER}\nN-0001,0100117000,113410000039113649,企业,黄山云海旅行社有限公司,91341000MA2N0QXX1X,,2026-11-02 09:00,2026-11-02 10:00,已办结,2026-11-10 16:00,准予许可,审查@2026-11-05 10:00\n`;
    const parsed = parseCsv(csv);
    expect('rows' in parsed && parsed.rows).toEqual([
      {
        row: 2,
        values: {
          nationalCaseNumber: 'N-0001',
          itemCode: '0100117000',
          organisationCode: '113410000039113649',
          applicantType: '企业',
          applicantName: '黄山云海旅行社有限公司',
          applicantIdNumber: '91341000MA2N0QXX1X',
          appliedAt: '2026-11-02 09:00',
          acceptedAt: '2026-11-02 10:00',
          status: '已办结',
          finishedAt: '2026-11-10 16:00',
          result: '准予许可',
          steps: '审查@2026-11-05 10:00',
        },
      },
    ]);
    expect(fieldOfTitle(' applicantName ')).toBe('applicantName');
    expect(fieldOfTitle('办件 编号')).toBe('nationalCaseNumber');
  });

  it('refuses a header it cannot use, naming the columns', () => {
    expect(parseCsv('办件编号,事项编码,备注\n1,2,3')).toEqual({ problem: '表头中有无法识别的列：备注，请按导入说明填写列名' });
    expect(parseCsv('办件编号,事项编码\n1,2')).toEqual({ problem: expect.stringContaining('表头缺少必填列：实施机构代码、申请人类型、申请人名称、证件号码、申请时间、办件状态') });
    expect(parseCsv('办件编号,nationalCaseNumber\n1,2')).toEqual({ problem: '表头中“办件编号”出现了两次' });
    expect(parseCsv('')).toEqual({ problem: expect.stringContaining('文件中没有内容') });
  });

  it('reads a JSON array by key or title, numbers rows from 1, keeps steps given as an array, and marks what is not an object', () => {
    const parsed = parseJson('\uFEFF[{"nationalCaseNumber":"N1","申请人名称":"张三","steps":[{"name":"审查","at":"2026-11-05 10:00"}],"other":1},"x"]');
    expect('rows' in parsed && parsed.rows).toEqual([
      { row: 1, values: { nationalCaseNumber: 'N1', applicantName: '张三' }, steps: [{ name: '审查', at: '2026-11-05 10:00' }] },
      { row: 2, values: {} },
    ]);
    expect(parseJson('{"a":1}')).toEqual({ problem: 'JSON 文件应为办件对象的数组（以 [ 开头）' });
    expect(parseJson('[{')).toEqual({ problem: 'JSON 文件格式不正确，请检查括号、引号和逗号' });
  });
});
