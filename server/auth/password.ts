// argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2'

export function hashPassword (password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Argon2id */ })
}

export async function verifyPassword (passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verifying against a fixed hash when the account is unknown keeps response times alike,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined
export function dummyVerify (password: string): Promise<boolean> {
  dummyHash ??= hashPassword('nightsafe-timing-equaliser')
  return dummyHash.then(h => verifyPassword(h, password))
}
