import { getRegion } from '@wengang/engine';

/** `东昌府区（371502）`, or the bare code when the region table does not know it. */
export function countyName(code: string): string {
  const region = getRegion(code);
  return region === undefined ? code : `${region.name}（${code}）`;
}
