export function formatCores(v: number): string {
  return v < 1 ? `${Math.round(v * 1000)}m` : `${Math.round(v * 100) / 100}`;
}

export function formatBytes(v: number): string {
  const units = ['B', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${Math.round(v * 10) / 10}${units[i]}`;
}
