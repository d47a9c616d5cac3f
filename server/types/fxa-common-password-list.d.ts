// The package ships no types: one function, true when the password is on the list.
declare module 'fxa-common-password-list' {
  const commonPasswords: { test: (password: string) => boolean }
  export default commonPasswords
}
