import { api, request } from './client';
import type { LoginOptions, Me } from './types';

export const meApi = {
  me: () => request<Me>('/api/v1/me', { quiet401: true }),
  login: (username: string, password: string) =>
    request<Me>('/api/v1/login', { method: 'POST', body: { username, password }, quiet401: true }),
  logout: () => api.post<void>('/api/v1/logout'),
  options: () => request<LoginOptions>('/api/v1/login/options', { quiet401: true }),
};
