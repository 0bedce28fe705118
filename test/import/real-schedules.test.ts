// The real schedules in ../shared: whole files load with exact counts, merge right, and answer real questions.
import { expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { createEngine, type Engine, loadDataset, mergeDatasets } from '../../src/index.ts';
import { DEFAULT_DATASET, visibleText } from '../helpers/engines.ts';
import { canUseShared, describeWithShared, sharedPath } from '../helpers/shared.ts';
import { captureIo } from '../helpers/streams.ts';

const FILES = {
  kubecon: 'datasets/kubecon-eu-2026-sched-ics/current-schedule.ics',
  fosdem: 'datasets/fosdem-2026-pentabarf/2026.xml',
  ccc: 'datasets/39c3-c3voc-schedule-json/everything.schedule.json',
  esri: 'datasets/esri-uc-2026-exhibitors/exhibitors.json',
} as const;
const KUBECON_ICS = sharedPath(FILES.kubecon);
const FOSDEM_XML = sharedPath(FILES.fosdem);
const CCC_JSON = sharedPath(FILES.ccc);
const ESRI_JSON = sharedPath(FILES.esri);
const AFTER = Date.parse('2026-11-20T12:00:00Z');

async function stats(...paths: string[]) {
  const io = captureIo();
  const code = await runCli(['stats', '--json', ...paths.flatMap((path) => ['--data', path])], io);
  expect(code, io.err()).toBe(0);
  return JSON.parse(io.out());
}

function engineOver(...paths: string[]): Engine {
  const datasets = paths.map((path) => {
    const loaded = loadDataset(path);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 5)));
    return loaded.dataset;
  });
  return createEngine(mergeDatasets(datasets).dataset, { clock: () => AFTER });
}

describeWithShared('hallway stats --json over the real files', Object.values(FILES), () => {
  it.each([
    [KUBECON_ICS, { sessions: 596, rooms: 52, tracks: 26, days: 6 }],
    [FOSDEM_XML, { sessions: 883, people: 927, rooms: 30, tracks: 62, days: 2 }],
    [CCC_JSON, { sessions: 895, tracks: 9 }],
    [ESRI_JSON, { organizations: 321, sessions: 0 }],
  ])('%s', async (path, expected) => {
    expect(await stats(path)).toMatchObject(expected);
  });

  it('the curated data plus the KubeCon .ics: keynotes merged, George Castro is Jorge Castro', async () => {
    const merged = await stats(DEFAULT_DATASET, KUBECON_ICS);
    expect(merged.sessions).toBe(596 + 14 - 10);
    expect(merged.merged.sessions).toBe(10);
    const engine = engineOver(DEFAULT_DATASET, KUBECON_ICS);
    const welcome = engine.catalog.dataset.sessions.filter((s) =>
      /Welcome Back \+ Opening Remarks/.test(s.title),
    );
    expect(welcome).toHaveLength(1);
    const castro = engine.ask('who is George Castro');
    expect(castro.text).toContain('Jorge Castro');
    expect(castro.results[0]).toMatchObject({ type: 'person', title: 'Jorge Castro' });
    expect(engine.ask('who kicked off the final day?').text).toContain('Jorge Castro');
  });
});

describeWithShared('questions over the KubeCon .ics alone', [FILES.kubecon], () => {
  const engine = canUseShared([FILES.kubecon]) ? engineOver(KUBECON_ICS) : undefined;
  const ask = (q: string) => {
    if (engine === undefined) throw new Error('no engine');
    return engine.ask(q);
  };

  it.each([
    ['who spoke about topology-aware scheduling for AI workloads?', ['Weizhou Lan']],
    ['who spoke about multi-tenancy isolation?', ['Braulio Dumba', 'Paolo Dettori', 'IBM']],
    ['who talked about running Kubernetes on tractors?', ['Mauro Morales', 'Spectro Cloud']],
    ['who talked about data leakage in ML papers?', ['Nourhan Mohamed']],
    ['where is Three Shades of Isolation?', ['Hall 8 | Room G']],
    ['when is the Walmart edge deployments talk?', ['Tue 24 Mar, 12:00–12:30 CET']],
    ['when is the Agones keynote?', ['Thu 26 Mar, 09:29–09:32 CET']],
    ['what is Braulio Dumbah talking about?', ['Three Shades of Isolation']],
    ['what did Ericsson present?', ['Ericsson']],
    ['who from Red Hat spoke?', ['Red Hat']],
    ['who is Robert Sirchia?', ['Helm']],
  ])('%s', (question, expected) => {
    const answer = ask(question);
    expect(answer.answered, answer.text).toBe(true);
    for (const text of expected) expect(visibleText(answer)).toContain(text);
  });

  it.each([
    'who spoke about blockchain?',
    'what did Oracle present?',
    'who talked about mainframe COBOL migrations in banking?',
  ])('%s → not on the programme', (question) => {
    expect(ask(question).answered).toBe(false);
  });
});

describeWithShared(
  'questions over FOSDEM, 39C3 and the Esri exhibitors',
  [FILES.fosdem, FILES.ccc, FILES.esri],
  () => {
    it('FOSDEM: rooms, times in Brussels, speakers', () => {
      const engine = engineOver(FOSDEM_XML);
      expect(engine.ask('where is Welcome to FOSDEM 2026?').text).toContain(
        '“Welcome to FOSDEM 2026” was in Janson, Sat 31 Jan, 09:30–09:50 CET',
      );
      expect(visibleText(engine.ask('who talked about the Cyber Resilience Act?'))).toContain(
        'Cyber Resilience Act',
      );
      expect(engine.ask("what's on Saturday morning?").answered).toBe(true);
    });

    it('39C3: the opening ceremony and its speakers', () => {
      const engine = engineOver(CCC_JSON);
      const answer = engine.ask('who spoke at the opening ceremony?');
      expect(visibleText(answer)).toContain('Opening Ceremony');
      expect(visibleText(answer)).toContain('pajowu');
    });

    it('Esri: booths, sponsors and what exhibitors offer', () => {
      const engine = engineOver(ESRI_JSON);
      expect(engine.ask('who is at booth 715?').text).toContain('1Spatial by VertiGIS');
      expect(engine.ask('where is Autodesk?').text).toContain('booth 825');
      expect(engine.ask('which exhibitors offer drone mapping?').answered).toBe(true);
    });
  },
);
