/** H5 variant: a picked file's bytes from its blob: URL; null when it cannot be read. */
export async function fileBytes(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await (await fetch(path)).arrayBuffer())
  } catch {
    return null
  }
}
