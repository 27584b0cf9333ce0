/** An expected failure with a message for the person running the pipeline (no stack trace). */
export class PipelineError extends Error {
  override name = 'PipelineError';
}
