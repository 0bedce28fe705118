// A multinomial logistic model over question templates: trained on the example table at start, it picks the intent
// from the words that frame a question, never from the names in it. Deterministic: same table, same model.

/** The chosen label, and its probability under the model. */
export interface Classification<L extends string> {
  readonly label: L;
  readonly confidence: number;
}

export interface IntentClassifier<L extends string> {
  classify(features: readonly string[]): Classification<L>;
}

/** A trained model as plain JSON: the weight of a feature for a label is `steps[feature * labels.length + label]`. */
export interface SavedClassifier {
  readonly labels: readonly string[];
  readonly features: readonly string[];
  /** Whole multiples of `WEIGHT_STEP`: short in the file, and read back exactly as they were trained. */
  readonly steps: readonly number[];
}

/** Weights are kept to four decimals, so a model read back from its file classifies exactly as the one trained. */
const WEIGHT_STEP = 1e-4;

/** Full-batch steps; the loss has flattened well before this on the whole table. */
const ITERATIONS = 100;
/** Adam's step size. */
const RATE = 0.15;
/** The L2 penalty: weights no example needs shrink to nothing, so no feature decides alone. */
const L2 = 0.0003;

/**
 * Trains on `(label, features)` pairs. Why a logistic model, and full-batch: every step sees every example at once,
 * so the order of the table does not matter, and the loss is convex with one minimum, so a few new examples move
 * the weights a little rather than tipping a neighbouring question (an averaged perceptron, tried before, did).
 */
export function trainClassifier<L extends string>(
  examples: ReadonlyArray<readonly [L, readonly string[]]>,
): SavedClassifier {
  const labels = [...new Set(examples.map(([label]) => label))];
  const ids = new Map<string, number>();
  const table = encode(examples, labels, ids);
  const weights = train(table, ids.size, labels.length);
  return {
    labels,
    features: [...ids.keys()],
    // `+ 0` turns -0 into 0.
    steps: Array.from(weights, (weight) => Math.round(weight / WEIGHT_STEP) + 0),
  };
}

/** The classifier a saved model describes. */
export function classifierFrom<L extends string>(saved: SavedClassifier): IntentClassifier<L> {
  const { labels } = saved;
  const ids = new Map(saved.features.map((feature, index) => [feature, index]));
  // A plain loop: Float64Array.from with a mapping function is several times slower on a cold start.
  const weights = new Float64Array(saved.steps.length);
  for (let cell = 0; cell < weights.length; cell++) weights[cell] = (saved.steps[cell] ?? 0) * WEIGHT_STEP;
  const labelCount = labels.length;
  return {
    classify(features) {
      const scores = new Float64Array(labelCount);
      for (const feature of features) {
        const id = ids.get(feature);
        if (id === undefined) continue;
        const base = id * labelCount;
        for (let label = 0; label < labelCount; label++)
          scores[label] = (scores[label] as number) + (weights[base + label] as number);
      }
      let best = 0;
      for (let label = 1; label < labelCount; label++)
        if ((scores[label] as number) > (scores[best] as number)) best = label;
      const top = scores[best] as number;
      let total = 0;
      for (let label = 0; label < labelCount; label++) total += Math.exp((scores[label] as number) - top);
      return { label: labels[best] as L, confidence: 1 / total };
    },
  };
}

/** The table as flat arrays: each example's label, and its feature ids from `starts[i]` to `starts[i + 1]`. */
interface Table {
  readonly labels: Int32Array;
  readonly starts: Int32Array;
  readonly features: Int32Array;
}

function encode<L extends string>(
  examples: ReadonlyArray<readonly [L, readonly string[]]>,
  labels: readonly L[],
  ids: Map<string, number>,
): Table {
  const starts = new Int32Array(examples.length + 1);
  const features: number[] = [];
  const labelOf = new Int32Array(examples.length);
  examples.forEach(([label, row], index) => {
    labelOf[index] = labels.indexOf(label);
    // A feature counts once per example: "^ X" twice says no more than once.
    for (const feature of new Set(row)) {
      let id = ids.get(feature);
      if (id === undefined) {
        id = ids.size;
        ids.set(feature, id);
      }
      features.push(id);
    }
    starts[index + 1] = features.length;
  });
  return { labels: labelOf, starts, features: Int32Array.from(features) };
}

/** Full-batch gradient descent with Adam steps on the mean cross-entropy plus the L2 penalty. */
function train(table: Table, featureCount: number, labelCount: number): Float64Array {
  const size = featureCount * labelCount;
  const weights = new Float64Array(size);
  const gradient = new Float64Array(size);
  const first = new Float64Array(size);
  const second = new Float64Array(size);
  const scores = new Float64Array(labelCount);
  const rows = table.labels.length;
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let iteration = 1; iteration <= ITERATIONS; iteration++) {
    for (let cell = 0; cell < size; cell++) gradient[cell] = L2 * (weights[cell] as number);
    for (let row = 0; row < rows; row++) {
      const from = table.starts[row] as number;
      const to = table.starts[row + 1] as number;
      scores.fill(0);
      for (let at = from; at < to; at++) {
        const base = (table.features[at] as number) * labelCount;
        for (let label = 0; label < labelCount; label++)
          scores[label] = (scores[label] as number) + (weights[base + label] as number);
      }
      let top = Number.NEGATIVE_INFINITY;
      for (let label = 0; label < labelCount; label++)
        if ((scores[label] as number) > top) top = scores[label] as number;
      let total = 0;
      for (let label = 0; label < labelCount; label++) {
        const share = Math.exp((scores[label] as number) - top);
        scores[label] = share;
        total += share;
      }
      const truth = table.labels[row] as number;
      for (let label = 0; label < labelCount; label++)
        scores[label] = ((scores[label] as number) / total - (label === truth ? 1 : 0)) / rows;
      for (let at = from; at < to; at++) {
        const base = (table.features[at] as number) * labelCount;
        for (let label = 0; label < labelCount; label++)
          gradient[base + label] = (gradient[base + label] as number) + (scores[label] as number);
      }
    }
    const stepSize = (RATE * Math.sqrt(1 - beta2 ** iteration)) / (1 - beta1 ** iteration);
    for (let cell = 0; cell < size; cell++) {
      const slope = gradient[cell] as number;
      const m = beta1 * (first[cell] as number) + (1 - beta1) * slope;
      const v = beta2 * (second[cell] as number) + (1 - beta2) * slope * slope;
      first[cell] = m;
      second[cell] = v;
      weights[cell] = (weights[cell] as number) - (stepSize * m) / (Math.sqrt(v) + 1e-8);
    }
  }
  return weights;
}
