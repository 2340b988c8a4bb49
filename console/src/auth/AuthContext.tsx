// The signed-in user (GET /api/v1/me) for the whole app; a lost session (any 401) sends the user
// to the login page, which returns to the page they were on.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { setUnauthorizedListener } from '../api/client';
import { meApi } from '../api/me';
import type { Me } from '../api/types';

interface AuthValue {
  me: Me | null;
  loading: boolean;
  signedIn: (me: Me) => void;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function loginPath(next: string): string {
  return next && next !== '/' && !next.startsWith('/login') ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    setUnauthorizedListener(() => {
      setMe(null);
      const here = window.location.pathname + window.location.search;
      if (!window.location.pathname.startsWith('/login')) navigate(loginPath(here), { replace: true });
    });
  }, [navigate]);

  useEffect(() => {
    meApi.me().then(setMe, () => setMe(null)).finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    if (!loading && !me && !location.pathname.startsWith('/login')) {
      navigate(loginPath(location.pathname + location.search), { replace: true });
    }
  }, [loading, me, location.pathname, location.search, navigate]);

  const signedIn = useCallback((m: Me) => setMe(m), []);
  const logout = useCallback(async () => {
    try {
      await meApi.logout();
    } finally {
      setMe(null);
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  return <AuthContext.Provider value={{ me, loading, signedIn, logout }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
