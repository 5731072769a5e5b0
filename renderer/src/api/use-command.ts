import { useCallback, useState } from 'react';
import type { CommandName, CommandRequest, CommandResponses, ContractError } from '../../../shared/contract';
import { asContractError } from '../transport/api-error';
import { useApi } from './api-context';

export interface CommandState<T> {
  value: T | undefined;
  error: ContractError | undefined;
  busy: boolean;
}

/** One command's call state: run it, see busy / value / error (the core's message and hint). */
/** The value is the contract's response type for `command`: no cast to a shape declared elsewhere. */
export function useCommand<C extends CommandName>(command: C) {
  type T = CommandResponses[C];
  const api = useApi();
  const [state, setState] = useState<CommandState<T>>({ value: undefined, error: undefined, busy: false });
  const run = useCallback(
    async (request: CommandRequest<C>): Promise<T | undefined> => {
      setState((s) => ({ ...s, busy: true, error: undefined }));
      try {
        const value = await api.invoke(command, request);
        setState({ value, error: undefined, busy: false });
        return value;
      } catch (error) {
        setState((s) => ({ ...s, error: asContractError(error), busy: false }));
        return undefined;
      }
    },
    [api, command],
  );
  const reset = useCallback(() => setState({ value: undefined, error: undefined, busy: false }), []);
  return { ...state, run, reset };
}
