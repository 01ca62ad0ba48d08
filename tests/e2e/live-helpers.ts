/** What the live-comparison browser tests share. */
import type { TestFrame } from './drivers/types';

const COMPARING = 'Comparing with the live article…';

/** The sidebar's live status line once the comparison is done. */
export async function liveMessage(frame: TestFrame): Promise<string | null> {
  await frame.waitFor('.live-message');
  const deadline = Date.now() + 15_000;
  let text = await frame.text('.live-message');
  while (text === COMPARING && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    text = await frame.text('.live-message');
  }
  return text;
}
