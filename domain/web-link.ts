/**
 * Evidence links must be web links: http or https with a host. Anything else
 * (`javascript:`, `file:`, `ftp:`) could run or open something unexpected.
 */
export function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && text.length <= 2000;
  } catch {
    return false;
  }
}
