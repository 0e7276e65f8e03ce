/** Seconds to wait before retry n (1-based): the configured delay, doubled for each further retry. */
export function backoffSeconds(baseSeconds: number, retry: number): number {
  return baseSeconds * 2 ** (retry - 1);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
