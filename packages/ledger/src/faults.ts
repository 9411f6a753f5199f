/**
 * Fault points for the crash-safety tests: when the environment variable WENGANG_FAULT names a
 * point, the process announces it on stderr and waits there forever (inside the open database
 * transaction) until the test kills it. Without the variable a fault point does nothing.
 */
export async function faultPoint(name: string): Promise<void> {
  if (process.env.WENGANG_FAULT !== name) return;
  process.stderr.write(`WENGANG_FAULT_REACHED ${name}\n`);
  await new Promise<never>(() => undefined);
}
