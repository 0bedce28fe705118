// An averaged perceptron over question templates: trained on the example table at start, it picks the intent
// from the words that frame a question, never from the names in it. Deterministic: same table, same model.

/** The chosen label, and its share of the softmax over every label's score. */
export interface Classification<L extends string> {
  readonly label: L;
  readonly confidence: number;
}

export interface IntentClassifier<L extends string> {
  classify(features: readonly string[]): Classification<L>;
}

/** Passes over the table per model; the table separates well before this. */
const EPOCHS = 30;
/** A wrong label must lose by this margin, so that near-ties are trained away. */
const MARGIN = 1;

/**
 * Trains on `(label, features)` pairs. Three perceptrons see the examples in different orders and their averaged
 * weights are summed: one perceptron's weights depend on the order it met the examples in, and a few new examples
 * could swing a neighbouring question. Averaging each one's weights over every step (with the usual lazy
 * bookkeeping) steadies it further. Features are numbered once, so training runs over flat arrays.
 */
export function trainClassifier<L extends string>(
  examples: ReadonlyArray<readonly [L, readonly string[]]>,
): IntentClassifier<L> {
  const labels = [...new Set(examples.map(([label]) => label))];
  const ids = new Map<string, number>();
  const encoded = examples.map(([label, features]) => {
    const row = features.map((feature) => {
      let id = ids.get(feature);
      if (id === undefined) {
        id = ids.size;
        ids.set(feature, id);
      }
      return id;
    });
    return { label: labels.indexOf(label), features: Int32Array.from(row) };
  });
  const summed = new Float64Array(ids.size * labels.length);
  for (const order of ORDERS) {
    const model = trainOne(order(encoded), ids.size, labels.length);
    for (let index = 0; index < summed.length; index++)
      summed[index] = (summed[index] ?? 0) + (model[index] ?? 0);
  }
  return {
    classify(features) {
      const sums = new Float64Array(labels.length);
      for (const feature of features) {
        const id = ids.get(feature);
        if (id === undefined) continue;
        for (let label = 0; label < labels.length; label++)
          sums[label] = (sums[label] ?? 0) + (summed[id * labels.length + label] ?? 0);
      }
      let best = 0;
      sums.forEach((score, index) => {
        if (score > (sums[best] ?? 0)) best = index;
      });
      const top = sums[best] ?? 0;
      const total = sums.reduce((sum, score) => sum + Math.exp(score - top), 0);
      return { label: labels[best] as L, confidence: 1 / total };
    },
  };
}

interface Encoded {
  readonly label: number;
  readonly features: Int32Array;
}

/** Example orders to train on: as written, reversed, and interleaved from both ends. */
const ORDERS: ReadonlyArray<(examples: readonly Encoded[]) => readonly Encoded[]> = [
  (examples) => examples,
  (examples) => [...examples].reverse(),
  (examples) =>
    examples.map(
      (_, index) => examples[index % 2 === 0 ? index / 2 : examples.length - 1 - (index - 1) / 2] as Encoded,
    ),
];

/** One averaged perceptron: weights indexed `feature * labelCount + label`. */
function trainOne(examples: readonly Encoded[], featureCount: number, labelCount: number): Float64Array {
  const weights = new Float64Array(featureCount * labelCount);
  const totals = new Float64Array(featureCount * labelCount);
  const stamps = new Float64Array(featureCount * labelCount);
  const sums = new Float64Array(labelCount);
  let step = 1;
  const update = (cell: number, delta: number) => {
    totals[cell] = (totals[cell] ?? 0) + (step - (stamps[cell] ?? 0)) * (weights[cell] ?? 0);
    stamps[cell] = step;
    weights[cell] = (weights[cell] ?? 0) + delta;
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const { label: truth, features } of examples) {
      sums.fill(0);
      for (const feature of features)
        for (let label = 0; label < labelCount; label++)
          sums[label] = (sums[label] ?? 0) + (weights[feature * labelCount + label] ?? 0);
      let guess = truth;
      let best = Number.NEGATIVE_INFINITY;
      for (let label = 0; label < labelCount; label++) {
        const margined = (sums[label] ?? 0) + (label === truth ? 0 : MARGIN);
        if (margined > best) {
          best = margined;
          guess = label;
        }
      }
      if (guess !== truth) {
        for (const feature of features) {
          update(feature * labelCount + truth, 1);
          update(feature * labelCount + guess, -1);
        }
      }
      step++;
    }
  }
  const averaged = new Float64Array(featureCount * labelCount);
  for (let cell = 0; cell < averaged.length; cell++)
    averaged[cell] = ((totals[cell] ?? 0) + (step - (stamps[cell] ?? 0)) * (weights[cell] ?? 0)) / step;
  return averaged;
}
