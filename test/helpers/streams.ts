// In-memory stdin/stdout/stderr for running commands and adapters inside a test.
export { type CapturedIo, captureIo } from '../../adapters/cli/capture-io.ts';
