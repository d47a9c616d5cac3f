// The logged-in user, shared through context. The session itself is the httpOnly cookie the
// server sets at login, so at start the app asks /api/me who it is. A 401 from any call logs out.
import { createContext } from 'preact'
import { useContext, useEffect, useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import { api, onUnauthorised } from './api/client.ts'
import type { Role } from '../../shared/roles.ts'
import type { User } from '../../shared/schemas/auth.ts'

export type SessionUser = User

interface Session {
  user: SessionUser | null
  loading: boolean
  login: (email: string, password: string) => Promise<SessionUser>
  logout: () => void
}

const SessionContext = createContext<Session>({ user: null, loading: true, login: async () => { throw new Error('no session') }, logout: () => {} })

export function SessionProvider ({ children }: { children: ComponentChildren }) {
  const [user, setUser] = useState<SessionUser | null>(null)
  const [loading, setLoading] = useState(true)

  useEffect(() => {
    api('/api/me').then(setUser).catch(() => setUser(null)).finally(() => setLoading(false))
    return onUnauthorised(() => setUser(null))
  }, [])

  const session: Session = {
    user,
    loading,
    async login (email, password) {
      // The answer carries a bearer token for API clients; the browser ignores it and uses the cookie.
      const res = await api('/api/auth/login', { body: { email, password } })
      setUser(res.user)
      return res.user
    },
    logout () {
      // The server ends the session (its cookie stops working everywhere) and clears the cookie.
      void api('/api/auth/logout', { method: 'POST', body: {} }).catch(() => {})
      setUser(null)
    }
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

export const useSession = () => useContext(SessionContext)

export function hasRole (user: SessionUser | null, roles: readonly Role[] | 'public'): boolean {
  if (roles === 'public') return true
  return Boolean(user && roles.includes(user.role))
}
