/** Poll (wall-clock, briefly) for something a workflow does on its own after an update returns. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  tries = 100,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
