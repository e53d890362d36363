import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** Bars instead of a line. */
  bars?: boolean;
}

export interface ChartProps {
  /** x values: seconds since the epoch for time series, indexes for categories. */
  x: number[];
  series: ChartSeries[];
  /** Labels of the x axis ticks. */
  xLabel: (value: number) => string;
  yLabel: (value: number) => string;
  /** Categories rather than time: one tick per value. */
  categorical?: boolean;
  yMax?: number;
  height?: number;
}

/**
 * A uPlot chart, drawn in the browser only (uPlot is loaded with it, not on first paint).
 * It is decoration for sighted readers: the figure's table next to it carries the same data.
 */
export function Chart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const { x, series, xLabel, yLabel, categorical, yMax, height = 220 } = props;
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let plot: uPlot | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (cancelled) return;
      const bars = UPlot.paths.bars?.({ size: [0.6, 48] });
      const options: uPlot.Options = {
        width: Math.max(240, element.clientWidth),
        height,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, ...(categorical ? { range: (_u, min, max) => [min - 0.5, max + 0.5] as uPlot.Range.MinMax } : {}) },
          y: { range: (_u, _min, max) => [0, yMax ?? Math.max(1, max * 1.1)] as uPlot.Range.MinMax },
        },
        axes: [
          {
            stroke: '#4a5260',
            grid: { show: false },
            ...(categorical ? { splits: () => x } : {}),
            values: (_u, splits) => splits.map((value) => (categorical && !x.includes(value) ? '' : xLabel(value))),
          },
          { stroke: '#4a5260', grid: { stroke: '#e6e2d8' }, values: (_u, splits) => splits.map(yLabel), size: 56 },
        ],
        series: [
          {},
          ...series.map((line) => ({
            label: line.label,
            stroke: line.color,
            width: 2,
            ...(line.bars && bars ? { paths: bars, fill: line.color } : { points: { show: true, size: 6, fill: line.color } }),
          })),
        ],
      };
      plot = new UPlot(options, [x, ...series.map((line) => line.values)] as uPlot.AlignedData, element);
      observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(240, element.clientWidth), height }));
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [x, series, xLabel, yLabel, categorical, yMax, height]);
  return <div ref={box} className="chart" aria-hidden="true" style={{ minHeight: height }} />;
}
