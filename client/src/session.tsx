// The logged-in user, shared through context. A 401 from any call logs the user out.
import { createContext } from 'preact'
import { useContext, useEffect, useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import { api, apiAs, getToken, onUnauthorised, setToken } from './api/client.ts'
import type { Role } from '../../shared/roles.ts'

export interface SessionUser { id: number; email: string; name: string; role: Role; organisation?: string | null; premisesIds: number[] }

interface Session {
  user: SessionUser | null
  loading: boolean
  login: (email: string, password: string) => Promise<SessionUser>
  logout: () => void
}

const SessionContext = createContext<Session>({ user: null, loading: true, login: async () => { throw new Error('no session') }, logout: () => {} })

export function SessionProvider ({ children }: { children: ComponentChildren }) {
  const [user, setUser] = useState<SessionUser | null>(null)
  const [loading, setLoading] = useState(Boolean(getToken()))

  useEffect(() => {
    if (getToken()) {
      apiAs<SessionUser>('/api/me').then(setUser).catch(() => setToken(null)).finally(() => setLoading(false))
    }
    return onUnauthorised(() => { setToken(null); setUser(null) })
  }, [])

  const session: Session = {
    user,
    loading,
    async login (email, password) {
      const res = await apiAs<{ token: string; user: SessionUser }>('/api/auth/login', { body: { email, password } })
      setToken(res.token)
      setUser(res.user)
      return res.user
    },
    logout () {
      void api('/api/auth/logout', { method: 'POST', body: {} }).catch(() => {})
      setToken(null)
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
