// Small SVG charts of a report: horizontal bars (counts) and the score trend. No chart library.
import { BAND_COLOUR, scoreBand, trendPoints } from './inspection';

export function CountBars({ counts, colour, label, testId }: {
  counts: [string, number][]; colour: (key: string) => string; label: (key: string) => string; testId: string;
}) {
  const max = Math.max(1, ...counts.map(([, n]) => n));
  const rowH = 22;
  return (
    <svg width="100%" height={counts.length * rowH} viewBox={`0 0 320 ${counts.length * rowH}`} role="img" data-testid={testId}>
      {counts.map(([key, n], i) => (
        <g key={key} transform={`translate(0, ${i * rowH})`}>
          <text x={0} y={15} fontSize={12}>{label(key)}</text>
          <rect x={110} y={4} height={14} width={Math.max(n > 0 ? 2 : 0, (170 * n) / max)} fill={colour(key)} rx={2} />
          <text x={110 + (170 * n) / max + 6} y={15} fontSize={12}>{n}</text>
        </g>
      ))}
    </svg>
  );
}

export function ScoreTrend({ scores, title }: { scores: number[]; title: string }) {
  const w = 320;
  const h = 80;
  const last = scores[scores.length - 1] ?? 0;
  return (
    <svg width="100%" height={h + 10} viewBox={`-4 -5 ${w + 8} ${h + 10}`} role="img" aria-label={title} data-testid="score-trend">
      <line x1={0} y1={h * 0.2} x2={w} y2={h * 0.2} stroke="#d2d2d2" strokeDasharray="3 3" />
      <line x1={0} y1={h * 0.5} x2={w} y2={h * 0.5} stroke="#d2d2d2" strokeDasharray="3 3" />
      <polyline points={trendPoints(scores, w, h)} fill="none" stroke={BAND_COLOUR[scoreBand(last)]} strokeWidth={2} />
      {trendPoints(scores, w, h).split(' ').filter(Boolean).map((p, i) => {
        const [x, y] = p.split(',').map(Number);
        return <circle key={i} cx={x} cy={y} r={3} fill={BAND_COLOUR[scoreBand(scores[i])]}><title>{scores[i]}</title></circle>;
      })}
    </svg>
  );
}
