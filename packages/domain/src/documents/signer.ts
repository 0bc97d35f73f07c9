import { upperVi } from './format.ts';
import type { SignerBlock } from './view.ts';

/**
 * Signing modes (Decree 30 Art. 13 and Appendix I): the head signs in person; `KT.` a deputy for the head; `TM.` on
 * behalf of a collective body; `TL.` and `TUQ.` by delegation. A deputy signing a collective body's document writes
 * both: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH".
 */
export type Delegation = 'TM' | 'KT' | 'TL' | 'TUQ';

export interface SignerInput {
  readonly delegation: Delegation | null;
  /** Whom the signer acts for: the head's title after KT./TL./TUQ. ("Chủ tịch"), the collective after TM. */
  readonly onBehalfOf: string | null;
  /** The signer's own position ("Phó Chủ tịch"). */
  readonly title: string;
  readonly name: string;
  /**
   * The power is the collective's (ô 7a: "TM. {collective}" above the rest) while the signer is a deputy or delegate.
   * Ignored with `TM`, which is that line already.
   */
  readonly forCollective?: boolean;
}

/** Thrown for a signer that cannot be written (KT./TL./TUQ. with nobody to act for); a bug in the gathered data. */
export class SignerBlockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignerBlockError';
  }
}

/**
 * The signature block's lines (bold, upper case) and the name (proper case, no academic title: Decree 30 forbids
 * them before the signer's name outside the sectors that allow them).
 */
export function buildSignerBlock(signer: SignerInput, collectiveName: string | null): SignerBlock {
  const lines: string[] = [];
  const behalf = signer.onBehalfOf ?? (signer.delegation === 'TM' ? collectiveName : null);
  if (signer.delegation !== null && behalf === null) throw new SignerBlockError(`${signer.delegation}. without whom the signer acts for`);
  if (signer.forCollective && signer.delegation !== 'TM' && collectiveName) lines.push(`TM. ${upperVi(collectiveName)}`);
  if (signer.delegation !== null) lines.push(`${signer.delegation}. ${upperVi(behalf!)}`);
  lines.push(upperVi(signer.title));
  return { lines, name: signer.name.trim() };
}
