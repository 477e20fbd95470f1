/**
 * What `<nn-network-trainer>` derives from its attributes, kept between updates: the hidden
 * layers, the input features, each layer's dropout, the student's points, the hidden parts, the
 * classes and their names, and the data. `read` brings it up to date with the attributes that
 * changed (returning the warnings for the page); `plan` says what the engine must do about them
 * (a new network, new data for the same weights, or nothing); `spec`, `rows`, `grids` and `names`
 * give the engine and the words what they need. No DOM: tested in node
 * (tests/unit/trainer-state.test.ts).
 */
import { DEFAULT_FEATURES } from '../../math/features';
import type { FeatureName } from '../../math/features';
import type { ClassPoint } from '../../math/datasets';
import type { HiddenLayer } from '../../math/trainer-setup';
import type { ModelSpec, Points } from '../../train/types';
import { buildData } from './data';
import type { DataSource, PlaneData } from './data';
import { featureLabel } from './describe';
import type { Names } from './describe';
import type { HideablePart } from './meta';
import { classSetup, networkSizes, readPoints } from './model';
import { DATA_PROPS, SPEC_PROPS } from './properties';
import {
  buildSpec,
  engineData,
  engineGrids,
  readDropout,
  readFeatures,
  readHide,
  readLayers,
} from './settings';
import type { TrainingSettings } from './settings';

/** The attributes the state is read from (the element's properties). */
export interface TrainerAttributes {
  datasetName: DataSource;
  samples: number;
  noise: number;
  testFraction: number;
  seed: number;
  points: string;
  classes: string;
  layers: string;
  features: string;
  dropout: string;
  hide: string;
  xLabel: string;
  yLabel: string;
  labelName: string;
}

/** What the engine must do after an update. */
export type Plan = 'configure' | 'set-data' | 'none';

export class TrainerState {
  hidden: HiddenLayer[] = [];
  features: FeatureName[] = [...DEFAULT_FEATURES];
  dropout: number[] = [];
  userPoints: ClassPoint[] = [];
  hide = new Set<HideablePart>();
  classNames: string[] = ['0', '1'];
  data: PlaneData | null = null;
  /** The classes of the network configured last (a change of their number means a new one). */
  configuredClasses = 2;

  /** `defaultLayers`: the `layers` default, used when the attribute cannot be read. */
  constructor(private readonly defaultLayers: string) {}

  /** Bring the state up to date with the attributes named in `changed`; the warnings to give. */
  read(changed: { has(name: string): boolean }, a: TrainerAttributes): string[] {
    const warnings: (string | null)[] = [];
    const take = <T>(read: { value: T; warning: string | null }): T => {
      warnings.push(read.warning);
      return read.value;
    };
    if (changed.has('layers')) this.hidden = take(readLayers(a.layers, this.defaultLayers));
    if (changed.has('features')) this.features = take(readFeatures(a.features ?? ''));
    if (changed.has('dropout') || changed.has('layers')) {
      const read = readDropout(a.dropout ?? '', this.hidden.length);
      if (changed.has('dropout')) warnings.push(read.warning);
      this.dropout = read.value;
    }
    if (changed.has('points') || changed.has('datasetName')) {
      const { points, warning } = readPoints(a.points ?? '', a.datasetName);
      warnings.push(warning);
      this.userPoints = points;
    }
    if (changed.has('hide')) this.hide = take(readHide(a.hide ?? ''));
    let classesChanged = false;
    if (['classes', 'points', 'datasetName'].some((p) => changed.has(p))) {
      const setup = classSetup(a.classes ?? '', a.datasetName, this.userPoints);
      warnings.push(...setup.warnings);
      classesChanged = setup.names.length !== this.classNames.length;
      this.classNames = setup.names;
    }
    if (DATA_PROPS.some((p) => changed.has(p)) || classesChanged || !this.data) {
      this.data = buildData({
        dataset: a.datasetName,
        samples: a.samples,
        noise: a.noise,
        testFraction: a.testFraction,
        seed: a.seed,
        points: this.userPoints,
        classes: this.classNames.length,
      });
    }
    return warnings.filter((w): w is string => w !== null);
  }

  /**
   * What the engine must do about the properties that changed: new points alone keep the weights
   * (`set-data`) — unless there was no network yet (`hasNetwork` false), no training points are
   * left, or the number of classes changed (a new output layer); any other change of the network
   * or the data builds a new one (`configure`, as does `force`).
   */
  plan(changed: { has(name: string): boolean }, hasNetwork: boolean, force = false): Plan {
    const specChanged = SPEC_PROPS.some((p) => changed.has(p));
    const dataChanged = DATA_PROPS.some((p) => changed.has(p));
    const onlyPoints = dataChanged && DATA_PROPS.every((p) => p === 'points' || !changed.has(p));
    const data = this.data;
    const classesChanged = !!data && data.classes !== this.configuredClasses;
    const keepWeights =
      onlyPoints && !!data && data.train.y.length > 0 && !classesChanged && hasNetwork;
    if (force || specChanged || classesChanged || (dataChanged && !keepWeights)) return 'configure';
    return keepWeights ? 'set-data' : 'none';
  }

  /** The engine's spec for the settings (the network's shape from the state). */
  spec(settings: TrainingSettings): ModelSpec {
    // Read one by one: the settings may be the element, whose properties are accessors.
    const { loss, optimizer, learningRate, batchSize, l1, l2, seed } = settings;
    const { earlyStopping, validationFraction } = settings;
    return buildSpec({
      ...{ loss, optimizer, learningRate, batchSize, l1, l2, seed },
      ...{ earlyStopping, validationFraction },
      hidden: this.hidden,
      dropout: this.dropout,
      inputs: this.features.length,
      classes: this.data?.classes ?? 2,
      task: this.data?.task ?? 'classification',
    });
  }

  /** Units per layer: [features, …hidden, outputs]. */
  sizes(): number[] {
    return networkSizes(this.hidden, this.data?.classes ?? 2, this.features.length);
  }

  /** The training and test sets as rows of the features (empty sets before there is data). */
  rows(): { train: Points; test: Points } {
    const empty = { x: new Float32Array(0), y: new Float32Array(0) };
    return this.data ? engineData(this.data, this.features) : { train: empty, test: empty };
  }

  /** The pictures' grids (points [x₁, x₂, …]) as rows of the features. */
  grids(points: { heatmap: Float32Array; maps: Float32Array }): {
    heatmap: Float32Array;
    maps: Float32Array;
  } {
    return engineGrids(points, this.features);
  }

  /**
   * The names the words use: the axes, the label ("value" for a regression dataset unless the
   * page named it), the classes, and each input neuron's name.
   */
  names(a: Pick<TrainerAttributes, 'xLabel' | 'yLabel' | 'labelName'>): Names {
    const regression = this.data?.task === 'regression';
    const { xLabel, yLabel } = a;
    const labelName = regression && a.labelName === 'class' ? 'value' : a.labelName;
    const inputs = this.features.map((f) => featureLabel(f, a));
    return { xLabel, yLabel, labelName, classNames: this.classNames, regression, inputs };
  }
}
