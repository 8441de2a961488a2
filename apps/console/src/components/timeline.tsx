import { useRef, useState } from 'preact/hooks';
import { formatSeconds } from '../lib/time-format';
import { drawnRange, rangeOnAxis, secondsAt, TimeRange } from '../lib/timeline-scale';

export interface Mark extends TimeRange {
  readonly label: string;
  readonly kind?: 'match' | 'exclusion' | 'draft';
}

/**
 * One time axis with ranges marked on it. With onDraw, dragging across the
 * axis draws a new range (exclusions are drawn this way).
 */
export function Timeline({ label, duration, marks, onDraw }: { label: string; duration: number; marks: readonly Mark[]; onDraw?: (range: TimeRange) => void }) {
  const bar = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const at = (clientX: number) => {
    const box = bar.current!.getBoundingClientRect();
    return secondsAt(clientX - box.left, box.width, duration);
  };
  const shown: Mark[] = drag ? [...marks, { ...drawnRange(drag.from, drag.to), label: 'new', kind: 'draft' }] : [...marks];
  return (
    <div class="timeline">
      <div class="timeline-label">
        {label} <span class="muted">0:00.0 – {formatSeconds(duration)}</span>
      </div>
      <div
        ref={bar}
        class={`timeline-bar${onDraw ? ' drawable' : ''}`}
        onPointerDown={
          onDraw &&
          ((e) => {
            (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
            const s = at(e.clientX);
            setDrag({ from: s, to: s });
          })
        }
        onPointerMove={onDraw && ((e) => drag && setDrag({ ...drag, to: at(e.clientX) }))}
        onPointerUp={
          onDraw &&
          (() => {
            if (drag && Math.abs(drag.to - drag.from) >= 0.1) onDraw(drawnRange(drag.from, drag.to));
            setDrag(null);
          })
        }
      >
        {shown.map((m, i) => {
          const { left, width } = rangeOnAxis(m, duration);
          return (
            <div key={i} class={`timeline-mark ${m.kind ?? 'match'}`} style={{ left: `${left}%`, width: `max(${width}%, 2px)` }} title={`${m.label}: ${formatSeconds(m.start)} – ${formatSeconds(m.end)}`}>
              <span>{m.label}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
