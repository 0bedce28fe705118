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

/** Passes over the table; the table separates well before this. */
const EPOCHS = 30;
/** A wrong label must lose by this margin, so that near-ties are trained away. */
const MARGIN = 1;

/**
 * Trains on `(label, features)` pairs. Averaging the weights over every step (with the usual lazy
 * bookkeeping) makes the model far less sensitive to the order of the examples than the last weights are.
 */
export function trainClassifier<L extends string>(
  examples: ReadonlyArray<readonly [L, readonly string[]]>,
): IntentClassifier<L> {
  const labels = [...new Set(examples.map(([label]) => label))];
  const weights = new Map<string, Float64Array>();
  const totals = new Map<string, Float64Array>();
  const stamps = new Map<string, Float64Array>();
  const row = (map: Map<string, Float64Array>, feature: string) => {
    let values = map.get(feature);
    if (values === undefined) {
      values = new Float64Array(labels.length);
      map.set(feature, values);
    }
    return values;
  };
  let step = 1;
  const update = (feature: string, label: number, delta: number) => {
    const weight = row(weights, feature);
    const total = row(totals, feature);
    const stamp = row(stamps, feature);
    total[label] = (total[label] ?? 0) + (step - (stamp[label] ?? 0)) * (weight[label] ?? 0);
    stamp[label] = step;
    weight[label] = (weight[label] ?? 0) + delta;
  };
  const scores = (model: ReadonlyMap<string, Float64Array>, features: readonly string[]) => {
    const sums = new Float64Array(labels.length);
    for (const feature of features) {
      const values = model.get(feature);
      if (values !== undefined)
        for (let label = 0; label < labels.length; label++)
          sums[label] = (sums[label] ?? 0) + (values[label] ?? 0);
    }
    return sums;
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const [label, features] of examples) {
      const truth = labels.indexOf(label);
      const sums = scores(weights, features);
      let guess = truth;
      let best = Number.NEGATIVE_INFINITY;
      sums.forEach((score, index) => {
        const margined = score + (index === truth ? 0 : MARGIN);
        if (margined > best) {
          best = margined;
          guess = index;
        }
      });
      if (guess !== truth) {
        for (const feature of features) {
          update(feature, truth, 1);
          update(feature, guess, -1);
        }
      }
      step++;
    }
  }
  const averaged = new Map<string, Float64Array>();
  for (const [feature, weight] of weights) {
    const total = totals.get(feature);
    const stamp = stamps.get(feature);
    averaged.set(
      feature,
      weight.map((value, label) => ((total?.[label] ?? 0) + (step - (stamp?.[label] ?? 0)) * value) / step),
    );
  }
  return {
    classify(features) {
      const sums = scores(averaged, features);
      let best = 0;
      sums.forEach((score, index) => {
        if (score > (sums[best] ?? 0)) best = index;
      });
      const top = sums[best] ?? 0;
      const sum = sums.reduce((total, score) => total + Math.exp(score - top), 0);
      return { label: labels[best] as L, confidence: 1 / sum };
    },
  };
}
