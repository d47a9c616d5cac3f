// What an uploaded file is, decided from its first bytes and never from the name or the type the
// client declared (except to tell a Word document from another zip, and text from binary):
// Safety Thirst evidence and visit photos are both typed here.
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b)
const ascii = (s: string) => [...s].map(c => c.charCodeAt(0))

/** The stored content type, decided from the bytes; null for anything not on the whitelist. */
export function detectFileType (bytes: Uint8Array, filename: string, declared: string): string | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  // A .docx is a zip; accept a zip only when the name or declared type says Word document.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && (/\.docx$/i.test(filename) || declared === DOCX)) return DOCX
  if ((declared === 'text/plain' || /\.txt$/i.test(filename)) && looksLikeText(bytes)) return 'text/plain'
  return null
}

function looksLikeText (bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

