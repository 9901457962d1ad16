/** 张三 → 张*, 欧阳娜娜 → 欧***: enough to recognise one's own case, not to identify a stranger. */
export function maskPersonName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
