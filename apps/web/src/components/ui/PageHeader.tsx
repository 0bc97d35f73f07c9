import { useEffect, useRef, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/document-title.ts';

interface PageHeaderProps {
  title: ReactNode;
  backTo?: string;
  extra?: ReactNode;
  testId?: string;
  /** The browser tab's title when `title` is not plain text. */
  documentTitle?: string;
}

export function PageHeader({ title, backTo, extra, testId, documentTitle }: PageHeaderProps) {
  const { t } = useTranslation('common');
  const heading = useRef<HTMLDivElement>(null);
  const plain = documentTitle ?? (typeof title === 'string' ? title : undefined);
  useDocumentTitle(plain);
  // a title drawn with markup names the tab by its text
  useEffect(() => {
    const text = heading.current?.querySelector('h1')?.textContent?.trim();
    if (!plain && text) document.title = `${text} · thidua`;
  });
  return (
    <Flex align="center" justify="space-between" gap={12} style={{ marginBottom: 12 }} wrap>
      <Flex align="center" gap={12} ref={heading}>
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
