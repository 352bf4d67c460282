/** "84 KB", "1.2 MB": attachment sizes as the email and the task pane show them (no imports, so the pane's main bundle can use it). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
