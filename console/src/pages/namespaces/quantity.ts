// Kubernetes quantities ("500m", "2", "1Gi", "1e3") as numbers, for quota usage bars. Pure.
const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

export function parseQuantity(q: string): number | undefined {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(q.trim());
  if (!m) return undefined;
  return Number(m[1]) * SUFFIX[m[2] ?? ''];
}

/** "used/hard" → the used fraction (0..1+), undefined when either side is not a quantity or hard is 0. */
export function usage(usedHard: string): { used: string; hard: string; ratio?: number } {
  const [used = '', hard = ''] = usedHard.split('/');
  const u = parseQuantity(used);
  const h = parseQuantity(hard);
  return { used, hard, ratio: u === undefined || h === undefined || h === 0 ? undefined : u / h };
}
