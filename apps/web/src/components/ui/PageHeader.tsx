import { useEffect, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

interface PageHeaderProps {
  title: ReactNode;
  backTo?: string;
  extra?: ReactNode;
  testId?: string;
  /** The browser tab's title when `title` is not plain text. */
  documentTitle?: string;
}

/** Each page names its browser tab: "Cụm thi đua số 18 · thidua". */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} · thidua`;
  }, [title]);
}

export function PageHeader({ title, backTo, extra, testId, documentTitle }: PageHeaderProps) {
  const { t } = useTranslation('common');
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  return (
    <Flex align="center" justify="space-between" gap={12} style={{ marginBottom: 12 }} wrap>
      <Flex align="center" gap={12}>
        {backTo && (
          <Link to={backTo} aria-label={t('actions.back')} data-testid="back-link">
            <ArrowLeftOutlined />
          </Link>
        )}
        {/* the page's one <h1>, sized as a section title */}
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20, lineHeight: 1.4 }} data-testid={testId ?? 'page-title'}>
          {title}
        </Typography.Title>
      </Flex>
      {extra}
    </Flex>
  );
}
