/** A config that can't be used. `message` is one line naming the file, the JSON path and what was expected. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly jsonPath?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
