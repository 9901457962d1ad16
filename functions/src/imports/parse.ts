import { NATIONAL_FIELDS, NATIONAL_FIELD_KEYS, type NationalField } from '@ah-tourism/shared';

/**
 * Reading an import file into raw rows: each row a map from the layout's keys to the text found, with the
 * row number a person sees (CSV: the line in the file, the header being line 1; JSON: the position in the
 * array, from 1). Nothing is validated here beyond the file's own shape; rows.ts checks each row.
 */
export interface RawRow {
  row: number;
  values: Partial<Record<NationalField, string>>;
  /** A step list given as JSON (kept as given; rows.ts checks it). */
  steps?: unknown;
}

export type ParseOutcome = { rows: RawRow[] } | { problem: string };

const BOM = '\uFEFF';

/** A column's title as the layout names it or its JSON key, spaces and full-width forms ignored. */
const byTitle = new Map<string, NationalField>(
  NATIONAL_FIELD_KEYS.flatMap((key) => [
    [normaliseTitle(NATIONAL_FIELDS[key].title), key],
    [normaliseTitle(key), key],
  ]),
);

function normaliseTitle(title: string): string {
  return title.normalize('NFKC').replace(/[\s*＊]/g, '').toLowerCase();
}

export const fieldOfTitle = (title: string): NationalField | undefined => byTitle.get(normaliseTitle(title));

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. Each record with the line it starts on. */
export function csvRecords(text: string): { line: number; cells: string[] }[] | { problem: string } {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let atCellStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      records.push({ line: startLine, cells });
      cells = [];
      cell = '';
      atCellStart = true;
      line += 1;
      startLine = line;
    } else {
      cell += char;
      atCellStart = false;
    }
  }
  if (quoted) return { problem: `第${startLine}行的引号没有闭合，请检查该行的双引号` };
  if (cell !== '' || cells.length) {
    cells.push(cell);
    records.push({ line: startLine, cells });
  }
  // Blank lines (a trailing newline, an empty line between records) are not records.
  return records.filter((record) => record.cells.some((c) => c.trim() !== ''));
}

export function parseCsv(content: string): ParseOutcome {
  const records = csvRecords(content.startsWith(BOM) ? content.slice(1) : content);
  if ('problem' in records) return records;
  const [header, ...body] = records;
  if (!header) return { problem: '文件中没有内容，请在第1行填写表头，从第2行起每行一条办件' };
  const columns = header.cells.map((title) => fieldOfTitle(title));
  const unknown = header.cells.filter((title, index) => title.trim() && !columns[index]);
  if (unknown.length) return { problem: `表头中有无法识别的列：${unknown.slice(0, 5).join('、')}，请按导入说明填写列名` };
  const seen = new Set<NationalField>();
  for (const column of columns) {
    if (column && seen.has(column)) return { problem: `表头中“${NATIONAL_FIELDS[column].title}”出现了两次` };
    if (column) seen.add(column);
  }
  const missing = NATIONAL_FIELD_KEYS.filter((key) => NATIONAL_FIELDS[key].required && !seen.has(key));
  if (missing.length) return { problem: `表头缺少必填列：${missing.map((key) => NATIONAL_FIELDS[key].title).join('、')}` };
  return {
    rows: body.map(({ line, cells }) => {
      const values: RawRow['values'] = {};
      columns.forEach((column, index) => {
        const value = cells[index]?.trim();
        if (column && value) values[column] = value;
      });
      return { row: line, values };
    }),
  };
}

export function parseJson(content: string): ParseOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.startsWith(BOM) ? content.slice(1) : content);
  } catch {
    return { problem: 'JSON 文件格式不正确，请检查括号、引号和逗号' };
  }
  if (!Array.isArray(parsed)) return { problem: 'JSON 文件应为办件对象的数组（以 [ 开头）' };
  return {
    rows: parsed.map((entry, index) => {
      const row = index + 1;
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { row, values: {}, steps: undefined };
      const values: RawRow['values'] = {};
      let steps: unknown;
      for (const [title, value] of Object.entries(entry as Record<string, unknown>)) {
        const field = fieldOfTitle(title);
        if (!field) continue;
        if (field === 'steps' && Array.isArray(value)) steps = value;
        else if (typeof value === 'string' && value.trim()) values[field] = value.trim();
        else if (typeof value === 'number' && Number.isFinite(value)) values[field] = String(value);
      }
      return { row, values, ...(steps !== undefined ? { steps } : {}) };
    }),
  };
}

export function parseImportFile(format: 'csv' | 'json', content: string): ParseOutcome {
  return format === 'csv' ? parseCsv(content) : parseJson(content);
}
