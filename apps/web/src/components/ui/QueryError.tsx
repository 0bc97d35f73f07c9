import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';

/** A failed load: the server's localised message when there is one, and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('common');
  const notFound = isApiError(error) && error.status === 404;
  const message = isApiError(error, 'CONTRACT_MISMATCH')
    ? t('errors.contractMismatch')
    : (isApiError(error) && error.message) || t(notFound ? 'errors.notFound' : 'errors.loadFailed');
  return (
    <Alert
      data-testid="query-error"
      type="error"
      showIcon
      title={message}
      action={
        onRetry && !notFound ? (
          <Button size="small" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
