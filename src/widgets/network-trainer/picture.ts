/**
 * The trainer's two pictures — the heatmap with the points, and the network diagram — as a Lit
 * reactive controller: it measures their boxes (SizeController), draws them at most once per
 * animation frame from the latest data, and reads the theme's colours once (again when the colour
 * scheme or the `theme` changes), never per frame.
 *
 * A change of size redraws the plot in the next frame and the diagram in the frame after: two
 * short tasks instead of one long one while a lesson opens. A new frame from the engine redraws
 * the plot, and the diagram when the frame brought new maps and weights.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { drawNetworkDiagram, diagramHeight } from '../../charts/network-diagram';
import type { DiagramData, UnitActivation } from '../../charts/network-diagram';
import { featureMaps } from '../../math/features';
import type { FeatureName } from '../../math/features';
import { drawTrainerHeatmap } from '../../charts/trainer-heatmap';
import type { HeatmapLayout, ThemeColors } from '../../charts/trainer-heatmap';
import type { HiddenLayer } from '../../math/trainer-setup';
import type { LayerWeights } from '../../train/types';
import { FrameTask, SizeController } from '../shared/size';
import type { PlaneData } from './data';
import { GRID, MAP_GRID, matchingMaps, matchingWeights, networkSizes } from './model';
import type { Place } from './model';

/** What the pictures show, read when they are drawn. */
export interface PictureInput {
  data: PlaneData | null;
  hidden: readonly HiddenLayer[];
  xLabel: string;
  yLabel: string;
  /** The keyboard cursor, when the plot has focus. */
  cursor: Place | null;
  grid: Float32Array | null;
  maps: Float32Array[][] | null;
  weights: LayerWeights[] | null;
  /** The network's input features, in order (x₁, x₂ by default). */
  features: readonly FeatureName[];
  /** The input neurons' names, one per feature ("x₁²"). */
  featureLabels: readonly string[];
  /** Flat colours instead of shades. */
  discretize: boolean;
  /** Whether the test points are drawn. */
  showTest: boolean;
}

type Host = ReactiveControllerHost &
  HTMLElement & { renderRoot: ParentNode; readonly hasUpdated: boolean };

export class TrainerPicture implements ReactiveController {
  /** Where the plot area is (to turn a click into data coordinates); null before the first drawing. */
  layout: HeatmapLayout | null = null;

  private colors: ThemeColors | null = null;
  private diagramDue = false;
  private darkQuery: MediaQueryList | undefined;
  private readonly frame: FrameTask;
  private readonly resized: FrameTask;
  private readonly diagramLater: FrameTask;
  private readonly plotSize: SizeController;
  private readonly diagramSize: SizeController;
  /** The neurons' small grid's points, [x₁, x₂, …], in the network's coordinates. */
  private readonly mapXY: Float32Array;
  /** Each input feature over the neurons' small grid (the input units' own maps), and for which. */
  private inputMaps: Float32Array[] = [];
  private inputMapsFor = '';

  constructor(
    private readonly host: Host,
    private readonly input: () => PictureInput,
    mapXY: Float32Array,
  ) {
    host.addController(this);
    this.frame = new FrameTask(host, () => {
      const diagram = this.diagramDue;
      this.diagramDue = false;
      this.draw(diagram);
    });
    this.diagramLater = new FrameTask(host, () => this.drawDiagram(this.theme()));
    this.resized = new FrameTask(host, () => {
      this.draw(false);
      this.diagramLater.schedule();
    });
    this.plotSize = new SizeController(host, {
      target: () => host.renderRoot.querySelector('.plot-box'),
      redraw: this.resized,
    });
    this.diagramSize = new SizeController(host, {
      target: () => host.renderRoot.querySelector('.diagram-box'),
      redraw: this.resized,
    });
    this.mapXY = mapXY;
  }

  /**
   * Each input feature's value over the neurons' small grid (MAP_GRID × MAP_GRID, rows from the
   * top): the input neurons' own heatmaps, one per feature in order; computed once per choice.
   */
  featureMaps(features: readonly FeatureName[]): Float32Array[] {
    const key = features.join(',');
    if (key !== this.inputMapsFor) {
      this.inputMaps = featureMaps(this.mapXY, features);
      this.inputMapsFor = key;
    }
    return this.inputMaps;
  }

  hostConnected(): void {
    this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.darkQuery.addEventListener('change', this.onScheme);
    this.colors = null; // a new place may inherit other colours
  }

  hostDisconnected(): void {
    this.darkQuery?.removeEventListener('change', this.onScheme);
  }

  /** Draw the latest picture in the next frame (with the diagram, if `diagram`). */
  schedule(diagram: boolean): void {
    this.diagramDue ||= diagram;
    this.frame.schedule();
  }

  /** The colours changed (the `theme` attribute): read them again at the next drawing. */
  themeChanged(): void {
    this.colors = null;
  }

  /** Draw now: the plot, and the diagram when asked (or when it was never drawn). */
  draw(diagram: boolean): void {
    const colors = this.theme();
    this.drawPlot(colors);
    const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas.diagram');
    if (diagram || canvas?.width === 0) this.drawDiagram(colors);
  }

  private readonly onScheme = (): void => {
    this.colors = null;
    this.draw(true);
  };

  private theme(): ThemeColors {
    this.colors ??= readColors(this.host);
    return this.colors;
  }

  /** Nothing is drawn before the boxes are measured: the pictures are drawn once, at their size. */
  private drawable(data: PlaneData | null): data is PlaneData {
    return !!data && (this.plotSize.measured || this.diagramSize.measured);
  }

  private drawPlot(colors: ThemeColors): void {
    const input = this.input();
    const { data } = input;
    const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas.plot');
    if (!canvas || !this.drawable(data)) return;
    const width = Math.min(520, Math.round(this.plotSize.widthOr(360)));
    // A square plot area: the canvas adds room for the axes (see the chart's margins).
    const height = Math.round(width - 64 + 54);
    this.layout = drawTrainerHeatmap(
      canvas,
      {
        grid: input.grid,
        gridSize: GRID,
        classes: data.classes,
        task: data.task,
        discretize: input.discretize,
        showTest: input.showTest,
        points: data.points,
        isTest: data.isTest,
        xDomain: data.xDomain,
        yDomain: data.yDomain,
        xLabel: input.xLabel,
        yLabel: input.yLabel,
        cursor: input.cursor,
        colors,
      },
      { width, height, dpr: window.devicePixelRatio || 1 },
    );
  }

  private drawDiagram(colors: ThemeColors): void {
    const input = this.input();
    const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas.diagram');
    if (!canvas || !this.drawable(input.data)) return;
    const sizes = networkSizes(input.hidden, input.data.classes, input.features.length);
    const width = Math.round(this.diagramSize.widthOr(600));
    drawNetworkDiagram(
      canvas,
      {
        sizes,
        activations: [
          ...input.hidden.map((l) => l.activation as UnitActivation),
          (input.data.task === 'regression' ? 'linear' : 'sigmoid') as UnitActivation,
        ],
        // One label and one map per input feature (the diagram's types may still say two).
        inputLabels: input.featureLabels as unknown as DiagramData['inputLabels'],
        weights: matchingWeights(input.weights, sizes),
        maps: matchingMaps(input.maps, sizes),
        inputMaps: this.featureMaps(input.features) as unknown as DiagramData['inputMaps'],
        gridSize: MAP_GRID,
        colors,
      },
      { width, height: diagramHeight(sizes, width), dpr: window.devicePixelRatio || 1 },
    );
  }
}

/** The theme's colours from the element's computed style (canvas cannot read CSS variables). */
function readColors(element: Element): ThemeColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    class0: read('--_class0', '#0072b2'),
    class1: read('--_class1', '#c75c00'),
    background: read('--_bg', '#ffffff'),
    foreground: read('--_fg', '#1a1a2e'),
    muted: read('--_muted', '#4b5563'),
  };
}
