// Words that carry no meaning for search: dropped from both the index and queries.

/** Common English function words. Kept short on purpose: domain words like "ai" or "data" are never here. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anybody anyone anything are aren as at be because been
  before being below between both but by can cannot could couldn did didn do does doesn doing don down during each
  either else ever every few for from further get gets got had hadn has hasn have haven having he her here hers
  herself him himself his how i if in into is isn it its itself just let lets me might more most must mustn my
  myself neither no nor not now of off on once only or other ought our ours ourselves out over own please same
  shall shan she should shouldn so some somebody someone something such than that the their theirs them
  themselves then there these they this those through thus to too under until up upon us very was wasn we were
  weren what whatever when where whereas whether which while who whoever whom whose why will with within without
  won would wouldn yes yet you your yours yourself yourselves s t re ve ll d m`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/**
 * Words that only say how a question is asked ("tell me about", "any talks on"). They are dropped from
 * queries, never from the index, so a session titled "Talk: …" is still found by its own words.
 */
export const QUESTION_NOISE_WORDS: ReadonlySet<string> = new Set(
  `tell know show find give gave given giving look looking info information detail details anything something
  session sessions talk talks talked talking speak speaks spoke spoken speaking speaker speakers present presents
  presented presenting presentation presentations presenter presenters discuss discusses discussed discussing
  mention mentions mentioned cover covers covered covering explain explains explained topic topics regarding
  related people person someone anyone everyone somebody folks happen happened happening going held take place
  day days conference event events keynote keynotes next list schedule programme program thing things`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);
