/**
 * The monthly report's notes, one text per month, kept in this browser (localStorage) until
 * the wall persists its settings with the data. Unavailable storage (private mode, quota):
 * the text stays for the session and nothing breaks.
 */
const PREFIX = 'servicewall.notes.'

export function readNotes(month: string): string {
  try {
    return localStorage.getItem(PREFIX + month) ?? ''
  }
  catch {
    return ''
  }
}

export function saveNotes(month: string, text: string): void {
  try {
    if (text.trim()) localStorage.setItem(PREFIX + month, text)
    else localStorage.removeItem(PREFIX + month)
  }
  catch {
    // Private mode or a full quota: the notes are not kept, the page still works.
  }
}
