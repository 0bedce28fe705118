// Vitest setup file: each worker starts without the developer's Hallway, Slack and Discord variables.
import { scrubHallwayVariables } from './child-env.ts';

scrubHallwayVariables(process.env);
