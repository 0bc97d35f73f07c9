import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatDocumentNumber } from '@thidua/domain';
import { negotiateLanguage, translator, type Translate } from '@thidua/i18n';
import { verificationParams, verificationResult } from '@thidua/contracts/decisions.ts';
import type { z } from 'zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { errorResponses } from '../../http/validate.ts';
import type { Db } from '../../db/client.ts';
import { findByVerificationCode } from './decisions.queries.ts';
import { contentOf } from './decision-document.ts';

type Verification = z.infer<typeof verificationResult>;

/** Codes are printed in capitals with a hyphen; people type them in any case, with or without it. */
const normalise = (code: string) => {
  const compact = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return compact.length === 10 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact;
};

/** What the decision itself publishes, nothing more: no recipient's name, no personal data. */
async function verify(db: Db, raw: string): Promise<Verification> {
  const code = normalise(raw);
  const row = await findByVerificationCode(db, code);
  if (!row)
    return {
      code,
      status: 'UNKNOWN',
      issuerName: null,
      number: null,
      issueDate: null,
      summary: null,
      recipientCount: null,
      pdfSha256: null,
      cancelReason: null,
    };
  return {
    code,
    status: row.status === 'CANCELLED' ? 'CANCELLED' : 'ISSUED',
    issuerName: contentOf(row).issuerName,
    number: formatDocumentNumber(row.number, row.symbol),
    issueDate: row.issue_date,
    summary: row.summary,
    recipientCount: Number(row.recipient_count ?? 0),
    pdfSha256: row.pdf_sha256,
    cancelReason: row.cancel_reason,
  };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The public page: one short, printable, accessible page in the visitor's language. */
function page(t: Translate, lang: string, v: Verification): string {
  const row = (label: string, value: string | number | null) =>
    value === null ? '' : `<tr><th scope="row">${escape(label)}</th><td>${escape(String(value))}</td></tr>`;
  const verdict =
    v.status === 'ISSUED'
      ? `<p class="ok" role="status">${escape(t('reports:verify.valid'))}</p>`
      : v.status === 'CANCELLED'
        ? `<p class="bad" role="status">${escape(t('reports:verify.cancelled'))}</p>`
        : `<p class="bad" role="status">${escape(t('reports:verify.unknown', { code: v.code }))}</p>`;
  const table =
    v.status === 'UNKNOWN'
      ? ''
      : `<table>${row(t('reports:verify.issuer'), v.issuerName)}${row(t('reports:verify.number'), v.number)}${row(
          t('reports:verify.issueDate'),
          v.issueDate ? v.issueDate.split('-').reverse().join('/') : null,
        )}${row(t('reports:verify.summary'), v.summary)}${row(t('reports:verify.recipients'), v.recipientCount)}${row(
          t('reports:verify.sha256'),
          v.pdfSha256,
        )}${row(t('reports:verify.cancelReason'), v.cancelReason)}</table><p class="hint">${escape(t('reports:verify.shaHint'))}</p>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t('reports:verify.title'))} ${escape(v.code)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:16px;color:#1f1f1f;background:#fff;max-width:760px}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #d9d9d9}
th{width:34%;font-weight:600}td{overflow-wrap:anywhere}.ok{color:#135200;font-weight:600}.bad{color:#a8071a;font-weight:600}.hint{color:#434343;font-size:.9rem}</style>
</head><body><main><h1>${escape(t('reports:verify.title'))}: ${escape(v.code)}</h1>${verdict}${table}</main></body></html>`;
}

/** Public verification of an issued document by the code printed on it: no sign-in. */
export const verifyRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  app.get(
    '/api/v1/public/verify/:code',
    {
      schema: {
        tags: ['public'],
        summary: 'Verify an issued document by its printed code (no sign-in): issuer, number, date, summary, recipients, PDF SHA-256',
        params: verificationParams,
        response: { 200: verificationResult, ...errorResponses },
      },
    },
    async (request) => verify(rt.db, request.params.code),
  );
  app.get('/verify/:code', { schema: { hide: true, params: verificationParams } }, async (request, reply) => {
    const lang = negotiateLanguage(request.headers['accept-language']);
    const t = translator(lang);
    const result = await verify(rt.db, request.params.code);
    return reply
      .status(result.status === 'UNKNOWN' ? 404 : 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(page(t, lang, result));
  });
};
