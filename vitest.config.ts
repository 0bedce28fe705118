// Two projects: unit tests (the core, in-process) and integration tests (child processes, loopback fakes of
// Slack and Discord). Only the integration project builds dist/, once, before its workers start.
import { defineConfig } from 'vitest/config';

/** Folders whose tests start processes or talk to the loopback platform fakes. */
const INTEGRATION = ['cli', 'console', 'digest', 'discord', 'hosted', 'isolation', 'ops', 'slack', 'sources'];
const integrationGlobs = INTEGRATION.map((folder) => `test/${folder}/**/*.test.ts`);

const shared = {
  testTimeout: 20_000,
  hookTimeout: 20_000,
  // Each worker drops the developer's HALLWAY_*, SLACK_* and DISCORD_* variables before any test runs.
  setupFiles: ['test/helpers/isolate-env.ts'],
  // A worker keeps its loaded modules from one file to the next: importing Bolt, discord.js and the engine once
  // per worker instead of once per file cuts the run's CPU time by about two thirds on this 2-core machine.
  // Tests must therefore leave no global state behind (fake timers, process listeners, env): they restore it.
  isolate: false,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...integrationGlobs],
        },
      },
      {
        test: {
          ...shared,
          name: 'integration',
          include: integrationGlobs,
          globalSetup: ['test/helpers/build-dist.ts'],
        },
      },
    ],
  },
});
