import { AppError } from '../http/app-error.ts';

/**
 * The one shape of every check: what the caller may not see answers "not found" (it learns nothing of it), what it
 * sees but may not change answers "forbidden". Policies pass the domain's predicates in.
 */
export function authorize(visible: boolean, allowed: boolean, missing: () => AppError): void {
  if (!visible) throw missing();
  if (!allowed) throw new AppError('FORBIDDEN');
}
