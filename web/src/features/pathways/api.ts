import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  Appointment,
  AppointmentInput,
  Interpreter,
  InterpreterInput,
  Pathway,
  PersonPathways,
  Procedure,
} from './types';

const enc = encodeURIComponent;

export const pathwaysKeys = {
  all: ['pathways'] as const,
  person: (personId: string) => ['pathways', 'person', personId] as const,
  appointments: (filter: { date?: string; personId?: string; siteId?: string }) =>
    ['pathways', 'appointments', filter] as const,
  interpreters: (filter: { language?: string; from?: string; to?: string }) =>
    ['pathways', 'interpreters', filter] as const,
};

export const cardUrl = (personId: string) => `/api/people/${enc(personId)}/card.pdf`;
export const slipUrl = (appointmentId: string) => `/api/appointments/${enc(appointmentId)}/slip.pdf`;

export function usePersonPathways(personId: string, enabled = true) {
  return useQuery({
    queryKey: pathwaysKeys.person(personId),
    queryFn: ({ signal }) =>
      api.get<PersonPathways>(`/api/people/${enc(personId)}/pathways`, undefined, signal),
    enabled,
  });
}

export function useAppointments(
  filter: { date?: string; personId?: string; siteId?: string },
  enabled = true,
) {
  return useQuery({
    queryKey: pathwaysKeys.appointments(filter),
    queryFn: ({ signal }) => api.get<{ items: Appointment[] }>('/api/appointments', filter, signal),
    enabled: enabled && Boolean(filter.date || filter.personId),
  });
}

export function useInterpreters(filter: { language?: string; from?: string; to?: string }, enabled = true) {
  return useQuery({
    queryKey: pathwaysKeys.interpreters(filter),
    queryFn: ({ signal }) => api.get<{ items: Interpreter[] }>('/api/interpreters', filter, signal),
    enabled,
  });
}

/** Any change refreshes everything the pathways module shows (a person's file, day lists, roster). */
function usePathwaysMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pathwaysKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

export const useChoosePathway = (personId: string) =>
  usePathwaysMutation((input: { route: string; since?: string; notes?: string }) =>
    api.post<Pathway>(`/api/people/${enc(personId)}/pathways`, input),
  );

export const useOpenProcedure = (personId: string) =>
  usePathwaysMutation((input: { kind: string; procedureType?: string; destinationCountry?: string }) =>
    api.post<Procedure>(`/api/people/${enc(personId)}/procedures`, input),
  );

export const useRecordStage = (procedureId: string) =>
  usePathwaysMutation(
    (input: { stage: string; occurredOn: string; result?: string; custody?: string; notes?: string }) =>
      api.post<Procedure>(`/api/procedures/${enc(procedureId)}/events`, input),
  );

export const useCreateAppointment = () =>
  usePathwaysMutation((input: AppointmentInput) => api.post<Appointment>('/api/appointments', input));

export const useBookInterpreter = () =>
  usePathwaysMutation((input: { interpreterId: string; appointmentId: string }) =>
    api.post<{ id: string }>('/api/interpreter-bookings', input),
  );

export const useAppointmentOutcome = () =>
  usePathwaysMutation((input: { id: string; status: 'attended' | 'missed' | 'cancelled' }) =>
    api.post<Appointment>(`/api/appointments/${enc(input.id)}/outcome`, { status: input.status }),
  );

export const useFollowUp = () =>
  usePathwaysMutation((id: string) => api.post<Appointment>(`/api/appointments/${enc(id)}/follow-up`));

export const useCreateInterpreter = () =>
  usePathwaysMutation((input: InterpreterInput) => api.post<Interpreter>('/api/interpreters', input));

export const useAddDocument = (procedureId: string) =>
  usePathwaysMutation((input: { kind: string; issuedOn: string; expiresOn?: string; number?: string }) =>
    api.post<Procedure>(`/api/procedures/${enc(procedureId)}/documents`, input),
  );

export const useUpdateInterpreter = () =>
  usePathwaysMutation((input: { id: string; active: boolean }) =>
    api.patch<Interpreter>(`/api/interpreters/${enc(input.id)}`, { active: input.active }),
  );
