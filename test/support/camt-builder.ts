export interface CamtDetail {
  amount?: string;
  endToEndId?: string;
  remittance?: string;
  creditorReference?: string;
  debtorName?: string;
  debtorIban?: string;
  /** A return (RtrInf) with this reason code, e.g. MD06 for a refunded direct debit. */
  returnReason?: string;
}

export interface CamtTestEntry {
  amount: string;
  currency?: string;
  direction?: 'CRDT' | 'DBIT';
  status?: string;
  bookingDate: string;
  accountServicerReference?: string;
  details: CamtDetail[];
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function detail(d: CamtDetail, currency: string): string {
  return [
    '<TxDtls>',
    d.endToEndId ? `<Refs><EndToEndId>${escape(d.endToEndId)}</EndToEndId></Refs>` : '',
    d.amount ? `<Amt Ccy="${currency}">${d.amount}</Amt>` : '',
    d.debtorName || d.debtorIban
      ? `<RltdPties>${d.debtorName ? `<Dbtr><Nm>${escape(d.debtorName)}</Nm></Dbtr>` : ''}${d.debtorIban ? `<DbtrAcct><Id><IBAN>${d.debtorIban}</IBAN></Id></DbtrAcct>` : ''}</RltdPties>`
      : '',
    d.remittance || d.creditorReference
      ? `<RmtInf>${d.remittance ? `<Ustrd>${escape(d.remittance)}</Ustrd>` : ''}${d.creditorReference ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${escape(d.creditorReference)}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf>`
      : '',
    d.returnReason ? `<RtrInf><Rsn><Cd>${d.returnReason}</Cd></Rsn></RtrInf>` : '',
    '</TxDtls>',
  ].join('');
}

/** A camt.053 (or .052 report, .054 notification) in the shape banks send, for the tests' own accounts and invoices. */
export function camtMessage(kind: '052' | '053' | '054', account: string, entries: CamtTestEntry[], messageId = `MSG-${Date.now()}`): string {
  const [root, container] = { '052': ['BkToCstmrAcctRpt', 'Rpt'], '053': ['BkToCstmrStmt', 'Stmt'], '054': ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'] }[kind];
  const ntry = entries.map((e) => {
    const currency = e.currency ?? 'EUR';
    return [
      `<Ntry><Amt Ccy="${currency}">${e.amount}</Amt><CdtDbtInd>${e.direction ?? 'CRDT'}</CdtDbtInd><Sts><Cd>${e.status ?? 'BOOK'}</Cd></Sts>`,
      `<BookgDt><Dt>${e.bookingDate}</Dt></BookgDt><ValDt><Dt>${e.bookingDate}</Dt></ValDt>`,
      e.accountServicerReference ? `<AcctSvcrRef>${e.accountServicerReference}</AcctSvcrRef>` : '',
      `<NtryDtls>${e.details.map((d) => detail(d, currency)).join('')}</NtryDtls></Ntry>`,
    ].join('');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.${kind}.001.08">
  <${root}><GrpHdr><MsgId>${messageId}</MsgId><CreDtTm>2026-04-15T18:00:00Z</CreDtTm></GrpHdr>
    <${container}><Id>${messageId}-1</Id><Acct><Id><IBAN>${account}</IBAN></Id><Ccy>EUR</Ccy></Acct>
${ntry.join('\n')}
    </${container}>
  </${root}>
</Document>`;
}
