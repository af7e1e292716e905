// Placeholder until the interactive screen lands (issue 3).
export async function runInteractive(_options: unknown): Promise<number> {
  throw new Error('the interactive screen is not built yet');
}
