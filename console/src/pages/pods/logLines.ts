/** Appends lines to a log view, keeping at most `max` (the oldest are dropped). */
export function appendLines(lines: string[], added: string[], max: number): string[] {
  const all = lines.concat(added);
  return all.length > max ? all.slice(all.length - max) : all;
}

/** Lines matching a case-insensitive search, with their line numbers (1-based). */
export function searchLines(lines: string[], query: string): { n: number; text: string }[] {
  const q = query.trim().toLowerCase();
  const numbered = lines.map((text, i) => ({ n: i + 1, text }));
  return q ? numbered.filter((l) => l.text.toLowerCase().includes(q)) : numbered;
}
