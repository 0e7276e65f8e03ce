/** A label such as `docker:2_28` as a file-name-safe piece: `docker-2_28`. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]+/g, '-');
}
