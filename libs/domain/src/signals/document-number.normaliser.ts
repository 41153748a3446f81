// Identity document numbers: printed with spaces, dashes and mixed case (`ab 123-456` on a scan,
// `AB123456` from the OCR). Upper-case letters and digits alone remain. The issuing country and
// the document type prefix the number, because numbering schemes overlap: passport 123456789 of
// one country is unrelated to the same number elsewhere.

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const UNKNOWN_COUNTRY = 'XX';

export function normaliseDocumentNumber(
  number: string,
  documentCountry?: string,
  documentType?: string,
): string {
  const compact = number.normalize('NFKC').replace(NOT_LETTER_OR_DIGIT, '').toUpperCase();
  return `${documentCountry ?? UNKNOWN_COUNTRY}:${documentType ?? 'other'}:${compact}`;
}
