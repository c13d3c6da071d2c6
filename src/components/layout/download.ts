/** Saves a URL (data: or blob:) as a file from the page itself: no server, no other origin. */
export function downloadUrl(name: string, url: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** Saves text, bytes or a Blob as a file. */
export function downloadText(name: string, data: string | Uint8Array | Blob, type = 'text/csv;charset=utf-8'): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type })
  const url = URL.createObjectURL(blob)
  downloadUrl(name, url)
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
