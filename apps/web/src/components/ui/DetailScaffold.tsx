import type { ReactNode } from 'react';
import { Col, Flex, Row, Skeleton } from 'antd';
import { PageHeader } from './PageHeader.tsx';
import { QueryError } from './QueryError.tsx';

interface DetailScaffoldProps<T> {
  /** The record's query: its error or a skeleton until it has loaded. */
  query: { data?: T; error: unknown; refetch: () => Promise<unknown> };
  testId: string;
  /** The list the back arrow leads to. */
  backTo: string;
  title: (record: T) => ReactNode;
  /** The record's cards, stacked in the wide column. */
  children: (record: T) => ReactNode;
  /** The narrow column beside them (the route puts the history there). */
  aside?: ReactNode | ((record: T) => ReactNode);
}

/** A record's page: header with a way back, the record's cards in the wide column and `aside` beside them. */
export function DetailScaffold<T>({ query, testId, backTo, title, children, aside }: DetailScaffoldProps<T>) {
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  const record = query.data;
  return (
    <div data-testid={testId}>
      <PageHeader backTo={backTo} title={title(record)} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={12}>
            {children(record)}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          {typeof aside === 'function' ? aside(record) : aside}
        </Col>
      </Row>
    </div>
  );
}
