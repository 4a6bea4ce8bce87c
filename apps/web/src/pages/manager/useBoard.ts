import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

/** The lead's board of a department (GET /tasks/board). */
export const useBoard = (department?: string, enabled = true) =>
  useQuery({
    queryKey: ['board', department ?? 'mine'],
    queryFn: async () =>
      ok(
        await api.GET('/tasks/board', {
          params: { query: department ? { department: department as never } : {} },
        }),
      ),
    refetchInterval: 10_000,
    enabled,
  });
