import { formatVnd } from './format.ts';
import type { Attachment, AttachmentColumn, AttachmentGroup } from './view.ts';

export interface AttachmentRecipient {
  readonly kind: 'person' | 'unit';
  readonly name: string;
  /** A person's position ("Chuyên viên"); null for a unit. */
  readonly position: string | null;
  /** A person's unit, or a collective's parent unit. */
  readonly unitName: string | null;
  readonly rewardVnd: number | null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Chuyên viên, Sở Nội vụ"; a collective: its parent unit, if any. */
const describe = (r: AttachmentRecipient): string => [r.position, r.unitName].filter((x) => x && x.trim()).join(', ');

/**
 * The attached list (documents-and-forms.md §2.3): collectives first ("I. Tập thể"), then individuals ("II. Cá nhân"),
 * each numbered from 1 in the order gathered; a group heading only when both kinds are listed. The money column and
 * the total row appear when anyone is paid.
 */
export function buildAttachment(args: { subtitle: string; note: string; recipients: readonly AttachmentRecipient[] }): Attachment {
  const paid = args.recipients.some((r) => r.rewardVnd !== null && r.rewardVnd > 0);
  const columns: AttachmentColumn[] = [
    { header: 'Tên tập thể, họ và tên cá nhân', width: 40, align: 'left' },
    { header: 'Chức vụ, đơn vị công tác', width: 42, align: 'left' },
  ];
  if (paid) columns.push({ header: 'Số tiền thưởng (đồng)', width: 18, align: 'right' });
  const kinds = (['unit', 'person'] as const)
    .map((kind) => ({ kind, rows: args.recipients.filter((r) => r.kind === kind) }))
    .filter((g) => g.rows.length);
  const groups: AttachmentGroup[] = kinds.map((g, i) => ({
    heading: kinds.length > 1 ? `${ROMAN[i]}. ${g.kind === 'unit' ? 'Tập thể' : 'Cá nhân'}` : null,
    rows: g.rows.map((r, n) => ({
      index: String(n + 1),
      cells: paid ? [r.name, describe(r), r.rewardVnd ? formatVnd(r.rewardVnd) : ''] : [r.name, describe(r)],
    })),
  }));
  const total = paid
    ? {
        label: `Tổng cộng: ${args.recipients.length} ${kinds.length > 1 ? 'tập thể, cá nhân' : kinds[0]!.kind === 'unit' ? 'tập thể' : 'cá nhân'}`,
        cells: ['', formatVnd(args.recipients.reduce((s, r) => s + (r.rewardVnd ?? 0), 0))],
      }
    : null;
  return { title: 'DANH SÁCH', subtitle: args.subtitle, note: args.note, columns, groups, total };
}
