/** COP_WORKERS: how many threads a big run uses, when the user says so (a whole number; anything else is not a say). */
export function forcedThreads(env: NodeJS.ProcessEnv): number | undefined {
  const forced = env.COP_WORKERS;
  return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : undefined;
}
