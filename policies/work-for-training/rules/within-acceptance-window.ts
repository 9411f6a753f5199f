/** 受理期: was the claim lodged on or before the acceptance deadline (the deadline day itself counts)? */
export function withinAcceptanceWindow(appliedOn: string, deadline: string): boolean {
  return appliedOn <= deadline;
}
