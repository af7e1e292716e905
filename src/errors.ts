/** Bad usage or a bad scenario file: the CLI prints the message as one line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
