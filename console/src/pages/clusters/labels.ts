/** "region=east, tier=prod" ↔ {region: "east", tier: "prod"}; returns the bad entries too. */
export function parseLabels(text: string): { labels: Record<string, string>; invalid: string[] } {
  const labels: Record<string, string> = {};
  const invalid: string[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) invalid.push(part);
    else labels[part.substring(0, eq).trim()] = part.substring(eq + 1).trim();
  }
  return { labels, invalid };
}

export function formatLabels(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
}
