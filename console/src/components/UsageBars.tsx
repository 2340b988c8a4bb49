// Requested vs allocatable as horizontal bars (lazy-loaded with the overview page's charts).
import { useT } from '../i18n/I18n';

interface Bar { label: string; requested: number; allocatable: number; format: (v: number) => string }

export default function UsageBars({ bars }: { bars: Bar[] }) {
  const t = useT();
  return (
    <svg role="img" aria-label={t('overview.usageChart')} viewBox={`0 0 420 ${bars.length * 56 + 8}`} width="100%" data-testid="usage-chart">
      {bars.map((b, i) => {
        const ratio = b.allocatable > 0 ? Math.min(1, b.requested / b.allocatable) : 0;
        const y = i * 56 + 8;
        const color = ratio > 0.9 ? '#c9190b' : ratio > 0.7 ? '#f0ab00' : '#0066cc';
        return (
          <g key={b.label}>
            <text x="0" y={y + 12} fontSize="13">{b.label}</text>
            <text x="420" y={y + 12} fontSize="12" textAnchor="end">
              {t('overview.requestedOf', { requested: b.format(b.requested), allocatable: b.format(b.allocatable), percent: Math.round(ratio * 100) })}
            </text>
            <rect x="0" y={y + 20} width="420" height="18" rx="3" fill="#e0e0e0" />
            <rect x="0" y={y + 20} width={420 * ratio} height="18" rx="3" fill={color} />
          </g>
        );
      })}
    </svg>
  );
}
